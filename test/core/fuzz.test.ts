import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, check, fixAll, FIX_ALL_CODES, ParseCache, type Fix } from '../../server/src/core/index.ts';
import { builtinRegistry, listFixtures, readFixture, ROOT } from '../helpers.ts';

/**
 * The whole pipeline and every fix on random and mutated documents: no throw, every range inside
 * the text, every fix applies cleanly and changes nothing outside heading lines but indents (never
 * prose); fix-all only inserts.
 * CI runs a fixed seed; `npm run fuzz` runs longer (FUZZ_RUNS, FUZZ_SEED).
 */
const corpus = [
  ...listFixtures('seeds').map((f) => readFixture('seeds', f)),
  ...listFixtures('complete').map((f) => readFixture('complete', f)),
  ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8')),
];

const junk = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('\u0000', '\uD800', '\uFEFF', '\r', '\r\n', '\u0301', '…', '.....', '__', '# ', '## III. ', '---\n', '```', '> ', '- ', '1. ', '**', '<!--', '(Địa danh)', '[^1]', '\n[^1]: /u\n', '[x]: ',
    // Word habits: a paragraph per line, a tab or four spaces before a paragraph.
    '.\nNăm ', '\n\tI. MỤC ĐÍCH\n', '\n\n    Đoạn thụt. ', '\t'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: junk }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

const doc = fc.record({
  base: fc.nat({ max: corpus.length - 1 }),
  start: fc.nat(),
  length: fc.integer({ min: 0, max: 3000 }),
  keepFrontMatter: fc.boolean(),
  mutations: fc.array(mutation, { maxLength: 6 }),
  nfd: fc.boolean(),
}).map(({ base, start, length, keepFrontMatter, mutations, nfd }) => {
  const source = corpus[base]!;
  const fmEnd = source.startsWith('---') ? source.indexOf('\n---', 3) + 4 : 0;
  const from = fmEnd + (source.length > fmEnd ? start % (source.length - fmEnd) : 0);
  let text = (keepFrontMatter ? source.slice(0, fmEnd) : '') + source.slice(from, from + length);
  for (const m of mutations) {
    const lines = text.split('\n');
    const i = lines.length ? m.at % lines.length : 0;
    if (m.kind === 'delete-line') lines.splice(i, 1);
    if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i] ?? '');
    text = lines.join('\n');
    if (m.kind === 'insert') {
      const at = text.length ? m.at % (text.length + 1) : 0;
      text = text.slice(0, at) + m.text + text.slice(at);
    }
    if (m.kind === 'truncate') text = text.slice(0, text.length ? m.at % (text.length + 1) : 0);
  }
  return nfd ? text.normalize('NFD') : text;
});

/**
 * Ranges [start, end) a fix may replace in the original text: heading lines (marked and unmarked),
 * and the value of the front matter's `decuong:` on its line (an id, not the author's prose).
 */
function headingLines(r: ReturnType<typeof check>, text: string): Array<[number, number]> {
  const lines = r.outline.all.map((s) => {
    const nl = text.indexOf('\n', s.heading.offset);
    return [s.heading.offset, nl < 0 ? text.length : nl] as [number, number];
  });
  const id = r.context.doc.frontMatter?.entries.get('decuong');
  if (id && !/[\r\n]/.test(text.slice(id.offset, id.end))) lines.push([id.offset, id.end]);
  return lines;
}

function assertSafe(text: string, edits: readonly Fix[], lines: Array<[number, number]>, what: string) {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  sorted.forEach((e, i) => {
    assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, `${what}: edit inside the text`);
    if (i > 0) assert.ok(sorted[i - 1]!.offset + sorted[i - 1]!.length <= e.offset, `${what}: edits do not overlap`);
    // Prose is never removed: a replaced range is heading text, or an indent (whitespace only).
    if (e.length > 0) assert.ok(lines.some(([a, b]) => e.offset >= a && e.offset + e.length <= b) || /^[ \t]+$/.test(text.slice(e.offset, e.offset + e.length)), `${what}: replaces only heading text or an indent`);
  });
  assert.doesNotThrow(() => applyEdits(text, edits));
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

test(`fuzz: ${RUNS} random and mutated documents through the checks and every fix`, () => {
  let cases = 0;
  let fixesApplied = 0;
  fc.assert(fc.property(doc, fc.nat(19), (text, pick) => {
    cases++;
    const r = check(text, builtinRegistry());
    const lines = headingLines(r, text);
    for (const f of r.findings) {
      assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `${f.code} range inside the document`);
      assert.ok(f.message.vi && f.message.en, `${f.code} has both messages`);
      for (const fix of f.fixes ?? []) {
        assertSafe(text, fix.edits, lines, f.code);
        fixesApplied++;
      }
    }
    // Fix-all is iterative and dearer: every 20th case.
    if (pick === 0) {
      const cache = new ParseCache();
      const all = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }, cache).findings, 60);
      assertSafe(text, all.edits, [], 'fix-all');
      assert.equal(applyEdits(text, all.edits), all.text);
      // The fix-report command: fix-all and the indents that make paragraphs code (whitespace only).
      const report = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }, cache).findings, 60, [...FIX_ALL_CODES, 'indented-code']);
      assertSafe(text, report.edits, [], 'fix-report');
      assert.equal(applyEdits(text, report.edits), report.text);
    }
  }), { numRuns: RUNS, seed: SEED });
  assert.equal(cases, RUNS);
  console.log(`fuzz: ${cases} cases, ${fixesApplied} fixes applied and checked, 0 failures`);
});
