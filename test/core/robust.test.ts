import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, createRegistry } from '../../server/src/core/index.ts';
import { estimatePages, estimatePagesOf } from '../../server/src/core/pages.ts';
import { builtinRegistry, builtinSources, findings, readFixture, ROOT } from '../helpers.ts';

const at = (text: string, options = {}) => findings(text, options).map((f) => `${f.line}:${f.character} ${f.code}`);

/** One fixture per kind of awkward input, with exactly the diagnostics it must give. */
const EXPECTED: Record<string, string[]> = {
  'empty.md': ['0:0 no-template'],
  'only-front-matter.md': ['3:3 missing-section', '3:3 missing-section', '3:3 missing-section'],
  'unterminated-front-matter.md': ['0:0 front-matter', '0:0 no-template'],
  'front-matter-wrong-shape.md': ['0:0 no-template', '1:9 front-matter'],
  'front-matter-not-yaml.md': ['2:8 front-matter', '4:0 missing-section', '4:0 missing-section'],
  'bom-crlf.md': ['7:2 numbering'],
  'cr-only.md': ['5:0 missing-section'],
  'mixed-eol.md': [],
  'html-tables-nesting.md': ['0:0 no-template', '15:10 placeholder'],
};

test('every awkward-input fixture gives exactly its diagnostics', () => {
  const files = readdirSync(join(ROOT, 'test/fixtures/robust')).sort();
  assert.deepEqual(files, Object.keys(EXPECTED).sort());
  for (const f of files) assert.deepEqual(at(readFixture('robust', f)), EXPECTED[f], f);
});

test('lone surrogates, NUL bytes and mixed NFC/NFD', () => {
  const text = '---\ndecuong: ke-hoach\n---\n# I. MỤC ĐÍCH, YÊU CẦU\n\n\u0000\uD800 text \uDFFF\n\n' + '# II. NỘI DUNG\n'.normalize('NFD') + '\n# III. TỔ CHỨC THỰC HIỆN\n';
  assert.deepEqual(at(text), []);
});

test('10 000 headings', () => {
  const text = '---\ndecuong: ke-hoach\n---\n' + Array.from({ length: 10_000 }, (_, i) => `## ${i + 1}. Mục ${i}\n\nVăn bản.\n`).join('\n');
  const got = findings(text);
  assert.deepEqual([...new Set(got.map((f) => f.code))].sort(), ['missing-section']);
});

test('a 30 MB single line gets the light check and one large-file note', () => {
  const text = '---\ndecuong: ke-hoach\n---\n' + 'chữ '.repeat(5_000_000);
  const got = findings(text);
  assert.deepEqual(got.map((f) => `${f.line}:${f.character} ${f.code}`), ['0:0 large-file', '3:0 missing-section', '3:0 missing-section', '3:0 missing-section']);
  // Its size as a file: “ữ” is 3 bytes in UTF-8, so 6 bytes a word (30 MB), not 4 characters (20 M).
  assert.match(got[0]!.message.vi, /Tệp rất lớn \(28,6 MB\)/);
});

test('the large-file threshold is the file’s size in bytes (UTF-8), not its length in characters', () => {
  const vietnamese = '---\ndecuong: ke-hoach\n---\n' + 'nghệ '.repeat(320_000); // 1.6 M characters, 2.2 MB
  const ascii = vietnamese.normalize('NFD').replace(/[^\x00-\x7f]/g, '') + 'x'.repeat(320_000); // as long, 1.6 MB
  const threshold = 2 * 1024 * 1024;
  assert.equal(findings(vietnamese, { largeFileThreshold: threshold })[0]?.code, 'large-file');
  assert.ok(!findings(ascii, { largeFileThreshold: threshold }).some((f) => f.code === 'large-file'));
});

test('deeply nested block quotes and lists never crash', () => {
  const quotes = '>'.repeat(20_000) + ' # sâu\n';
  const lists = Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(i)}- mục ${i}`).join('\n');
  for (const text of [quotes, lists]) assert.doesNotThrow(() => check(text, builtinRegistry()));
});

test('a deeply nested chunk that refers to a definition elsewhere: a page estimate, never an exception', () => {
  const text = `[x]: https://mattran.org.vn\n\n${'>'.repeat(12_000)} Xem [x]\n`;
  const estimate = estimatePages(text);
  assert.ok(estimate.pages >= 1);
  const result = check(text, builtinRegistry());
  assert.ok(result.pages, 'the check has its estimate');
  // Laid out again from the chunks' text (trees dropped, as after a check), with other settings.
  assert.doesNotThrow(() => estimatePagesOf(result.context.doc, { fontSize: 13 }));
});

test('bad templates: missing id, duplicate ids, empty outline, each at its place', () => {
  const r = createRegistry([
    ...builtinSources(),
    { path: '/w/a.md', text: '---\ntitle: Không id\n---\n# I. A\n', builtin: false },
    { path: '/w/b.md', text: '---\nid: trung\n---\n# I. B\n', builtin: false },
    { path: '/w/c.md', text: '---\nid: trung\n---\n# I. C\n', builtin: false },
    { path: '/w/d.md', text: '---\nid: rong\n---\nChỉ có văn bản.\n', builtin: false },
  ]);
  const of = (path: string) => r.problems.filter((p) => p.path === path).map((p) => [p.offset, p.message.en.slice(0, 30)]);
  assert.deepEqual(of('/w/a.md'), [[0, 'The template has no “id:” (an ']]);
  assert.deepEqual(of('/w/b.md').map((x) => x[0]), [8]);
  assert.deepEqual(of('/w/c.md').map((x) => x[0]), [8]);
  assert.deepEqual(of('/w/d.md'), [[16, 'The template has no sections: ']]);
  // A report on the broken template says so once, with a link to the problem in the template.
  const report = check('---\ndecuong: rong\n---\n# I. X\n', r);
  assert.deepEqual(report.findings.map((f) => f.code), ['template-error']);
  assert.deepEqual(report.findings[0]!.related![0]!.location, { path: '/w/d.md', line: 2, character: 3 });
});
