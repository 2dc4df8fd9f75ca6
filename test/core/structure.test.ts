import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown } from '../../server/src/core/parse.ts';
import { buildOutline, type Section } from '../../server/src/core/outline.ts';
import { builtinRegistry, findings, lineOf, listFixtures, readFixture, STRUCTURAL, summary } from '../helpers.ts';

/**
 * Each built-in template's complete example is mutated the ways authors slip — a section removed,
 * two swapped, one demoted, one renamed — and the check must name exactly that slip, at its line.
 */
const completes = listFixtures('complete');

function structural(text: string) {
  return findings(text).filter((f) => STRUCTURAL.has(f.code));
}

function sectionsOf(text: string): Section[] {
  return buildOutline(parseMarkdown(text)).all;
}

/** Removes a whole section (heading, body, subsections). */
function removeSection(text: string, s: Section): string {
  return text.slice(0, s.heading.offset) + text.slice(s.end);
}

test('every built-in template has a complete example', () => {
  const ids = [...builtinRegistry().templates.keys()].sort();
  assert.deepEqual(completes.map((f) => f.replace(/\.md$/, '')).sort(), ids);
});

for (const file of completes) {
  const id = file.replace(/\.md$/, '');
  const text = readFixture('complete', file);

  test(`${id}: the complete example has no structural finding`, () => {
    assert.deepEqual(summary(structural(text)), []);
    const all = findings(text);
    assert.ok(!all.some((f) => f.code === 'no-template' || f.code === 'unknown-template'), 'template selected');
  });

  test(`${id}: removing any required section gives one missing-section where it belonged`, () => {
    const template = builtinRegistry().templates.get(id)!;
    const sections = sectionsOf(text);
    let tried = 0;
    for (const s of sections) {
      const expected = template.outline.all.find((t) => t.heading.keys.core === s.heading.keys.core);
      if (!expected || expected.optional) continue;
      tried++;
      const mutated = removeSection(text, s);
      const siblings = s.parent ? s.parent.children : sectionsOf(text).filter((x) => !x.parent);
      const at = siblings.findIndex((x) => x.heading.offset === s.heading.offset);
      // After the previous sibling, else in the parent, else under the title, else before the next one.
      const anchorOffset = at > 0 ? siblings[at - 1]!.heading.offset
        : s.parent?.heading.offset ?? buildOutline(parseMarkdown(text)).title?.offset ?? s.heading.offset;
      const got = structural(mutated);
      assert.deepEqual(summary(got), [`${lineOf(mutated, anchorOffset)} missing-section`], `removed “${s.heading.text}”`);
      assert.match(got[0]!.message.en, new RegExp(escape(expected.heading.text)));
    }
    assert.ok(tried >= 3, 'enough sections tried');
  });

  test(`${id}: two swapped top sections give one section-order`, () => {
    const tops = sectionsOf(text).filter((s) => !s.parent);
    const [a, b] = tops.length > 2 ? [tops[1]!, tops[2]!] : [tops[0]!, tops[1]!];
    const mutated = text.slice(0, a.heading.offset) + text.slice(b.heading.offset, b.end) + text.slice(a.heading.offset, a.end) + text.slice(b.end);
    const bLine = lineOf(mutated, a.heading.offset);
    const aLine = lineOf(mutated, a.heading.offset + (b.end - b.heading.offset));
    const got = summary(structural(mutated));
    assert.equal(got.length, 1, got.join('; '));
    assert.ok([`${aLine} section-order`, `${bLine} section-order`].includes(got[0]!), got[0]);
  });

  test(`${id}: a demoted leaf section gives one section-level`, () => {
    const sections = sectionsOf(text);
    const leaf = sections.find((s) => s.parent && !s.children.length && s.heading.depth < 6 && !s.heading.setext) ??
      sections.filter((s) => !s.children.length && !s.heading.setext)[1]!;
    const mutated = text.slice(0, leaf.heading.offset) + '#' + text.slice(leaf.heading.offset);
    assert.deepEqual(summary(structural(mutated)), [`${lineOf(mutated, leaf.heading.offset)} section-level`]);
  });

  test(`${id}: a renamed section gives one section-title naming the outline's title`, () => {
    const s = sectionsOf(text).find((x) => x.heading.text.length > 12)!;
    // A typo: the longest word of the title loses a letter.
    const start = s.heading.textOffset + (s.heading.numbering?.length ?? 0);
    const words = text.slice(start, s.heading.textEnd).split(' ');
    const longest = words.reduce((a, w) => (w.length > a.length ? w : a), '');
    const typo = longest.slice(0, 2) + longest.slice(3);
    const title = words.map((w) => (w === longest ? typo : w)).join(' ');
    const mutated = text.slice(0, start) + title + text.slice(s.heading.textEnd);
    const got = structural(mutated);
    assert.deepEqual(summary(got), [`${lineOf(mutated, s.heading.offset)} section-title`], title);
  });

  test(`${id}: NFD text gives the same findings at the right UTF-16 positions`, () => {
    const s = sectionsOf(text).filter((x) => x.parent)[1] ?? sectionsOf(text)[1]!;
    const nfc = removeSection(text, s).normalize('NFC');
    const nfd = nfc.normalize('NFD');
    assert.notEqual(nfd.length, nfc.length);
    const a = findings(nfc);
    const b = findings(nfd);
    assert.deepEqual(b.map((f) => [f.code, f.line]), a.map((f) => [f.code, f.line]));
    b.forEach((f, i) => {
      assert.equal(nfd.slice(f.offset, f.offset + f.length).normalize('NFC'), nfc.slice(a[i]!.offset, a[i]!.offset + a[i]!.length));
    });
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a report with a # title and ## sections matches an outline whose sections are #', () => {
  const text = '# BÁO CÁO SƠ KẾT\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\n## II. NỘI DUNG\n\n## III. TỔ CHỨC THỰC HIỆN\n';
  const got = findings(text, { template: 'ke-hoach' });
  assert.deepEqual(summary(got.filter((f) => STRUCTURAL.has(f.code))), []);
  const demoted = text.replace('## II. NỘI DUNG', '### II. NỘI DUNG');
  assert.deepEqual(summary(findings(demoted, { template: 'ke-hoach' }).filter((f) => STRUCTURAL.has(f.code))), ['6 section-level']);
});

test('an optional “(nếu có)” section is never missing; extra sections are allowed', () => {
  const text = '# I. MỤC ĐÍCH, YÊU CẦU\n\n# II. NỘI DUNG\n\n# III. MỘT MỤC RIÊNG CỦA ĐƠN VỊ\n\n# IV. TỔ CHỨC THỰC HIỆN\n';
  assert.deepEqual(summary(findings(text, { template: 'ke-hoach' })), []);
});

test('every miss is reported at once, a missing parent once with its children', () => {
  const got = findings('---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\n---\n# I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT\n');
  const missing = got.filter((f) => f.code === 'missing-section');
  assert.deepEqual(missing.map((f) => /“([^”]*)”/.exec(f.message.en)![1]!.slice(0, 20)), [
    '1. Công tác triển kh',
    '2. Thuận lợi',
    '3. Khó khăn',
    'II. KẾT QUẢ 03 NĂM T',
    'III. ĐÁNH GIÁ, NHẬN ',
    'IV. PHƯƠNG HƯỚNG, NH',
    'V. CÁC KIẾN NGHỊ, ĐỀ',
  ]);
  assert.match(missing[3]!.message.en, /with \d+ subsections/);
});

test('a stray empty heading (`###` alone) is no section: the ones after it stay where they are', () => {
  const complete = readFixture('complete', 'so-ket-5-nam-cuoc-van-dong.md');
  const lines = complete.split('\n');
  const at = lines.findIndex((l) => /^#+ 1\.1\./.test(l));
  assert.ok(at > 0);
  lines.splice(at, 0, '###', '');
  assert.deepEqual(summary(findings(lines.join('\n'))), []);
});

test('duplicate-section: a section pasted twice (same title, same level, same parent) is flagged once, on the copy; its number is not a numbering slip', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const lines = complete.split('\n');
  const from = lines.findIndex((l) => /^#+ 3\. Khó khăn/.test(l));
  const to = from + 1 + lines.slice(from + 1).findIndex((l) => /^#/.test(l));
  const copy = lines.slice(from, to);
  const text = [...lines.slice(0, to), ...copy, ...lines.slice(to)].join('\n');
  const got = findings(text);
  assert.deepEqual(summary(got.filter((f) => f.code === 'duplicate-section' || f.code === 'numbering')), [`${to} duplicate-section`]);
  const d = got.find((f) => f.code === 'duplicate-section')!;
  assert.equal(d.related?.[0]?.offset, text.indexOf('3. Khó khăn'));
  // Renumbered copy ("4. Khó khăn"): still the same section twice.
  const renumbered = text.replace(/(\n#+ )3(\. Khó khăn[^\n]*\n[\s\S]*\n#+ )3(\. Khó khăn)/, '$13$24$3');
  assert.deepEqual(summary(findings(renumbered).filter((f) => f.code === 'duplicate-section')), [`${to} duplicate-section`]);
  // The same title under two parents is two sections.
  assert.deepEqual(findings(complete).filter((f) => f.code === 'duplicate-section'), []);
  // Titles that differ only by a year are two sections (the outline's comparison takes any year for any other).
  const years = '---\ndecuong: ke-hoach\n---\n# I. MỤC ĐÍCH, YÊU CẦU\n\n## 1. Kết quả năm 2022\n\nA.\n\n## 2. Kết quả năm 2023\n\nB.\n';
  assert.deepEqual(findings(years).filter((f) => f.code === 'duplicate-section'), []);
});
