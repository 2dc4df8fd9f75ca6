import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, readFixture } from '../helpers.ts';
import type { Fix } from '../../server/src/core/types.ts';

/** Slips a reviewer makes in a finished report (QA's `qa-slips`): one slip, one finding, and none on right numbers. */

const numberingOf = (text: string) => findings(text).filter((f) => f.code === 'numbering');
const expectedOf = (text: string) => numberingOf(text).map((f) => [f.line + 1, /expected “([^”]+)”/.exec(f.message.en)![1]]);

function apply(text: string, edits: Fix[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.text + t.slice(e.offset + e.length), text);
}

const SO_KET = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
const BAO_CAO = readFixture('complete', 'bao-cao-6-thang-cong-tac-mat-tran.md');
const KIEM_DIEM = readFixture('complete', 'kiem-diem-tap-the-ban-thuong-truc.md');

/** Line `n` (1-based) with `from` replaced by `to` once; the line must hold it. */
function replaceLine(text: string, n: number, from: string, to: string): string {
  const lines = text.split('\n');
  assert.ok(lines[n - 1]!.includes(from), `line ${n}: ${lines[n - 1]}`);
  lines[n - 1] = lines[n - 1]!.replace(from, to);
  return lines.join('\n');
}

/** Lines a..b (1-based, inclusive) taken out. */
function deleteLines(text: string, a: number, b: number): string {
  const lines = text.split('\n');
  lines.splice(a - 1, b - a + 1);
  return lines.join('\n');
}

/** Lines a1..b1 and a2..b2 (a2 > b1) swapped. */
function swapLines(text: string, a1: number, b1: number, a2: number, b2: number): string {
  const l = text.split('\n');
  return [...l.slice(0, a1 - 1), ...l.slice(a2 - 1, b2), ...l.slice(b1, a2 - 1), ...l.slice(a1 - 1, b1), ...l.slice(b2)].join('\n');
}

const codesAt = (text: string, codes: string[]) => findings(text).filter((f) => codes.includes(f.code)).map((f) => `${f.line + 1} ${f.code}`);

test('Word’s “I-”, “1/”, “a/”: a correct report has no missing sections and no numbering findings', () => {
  const word = SO_KET.replace(/^## ([IVX]+)\./gm, '## $1-').replace(/^### (\d+)\./gm, '### $1/').replace(/^#### ([a-zđ])\./gm, '#### $1/');
  assert.notEqual(word, SO_KET);
  assert.deepEqual(codesAt(word, ['missing-section', 'numbering', 'section-level', 'section-order']), []);
  // As pasted from Word: titles as plain paragraphs (`1/ Công tác triển khai:`), found as titles.
  const pasted = word.replace(/^#+ /gm, (m) => (m === '# ' ? m : ''));
  assert.deepEqual(codesAt(pasted, ['missing-section', 'numbering']), []);
  assert.ok(findings(pasted).some((f) => f.code === 'heading-not-marked' && /^1\/ Công tác triển khai/.test(pasted.slice(f.offset))));
});

test('the author’s separator is kept in the expected number and in the fix: “2/”, “b/”, “2-”', () => {
  const slash = '## 1/ Một\n\n## 3/ Hai\n';
  assert.deepEqual(expectedOf(slash), [[3, '2/']]);
  assert.equal(apply(slash, numberingOf(slash)[0]!.fixes![0]!.edits), '## 1/ Một\n\n## 2/ Hai\n');
  const letters = '## a/ Một\n\n## c/ Hai\n';
  assert.equal(apply(letters, numberingOf(letters)[0]!.fixes![0]!.edits), '## a/ Một\n\n## b/ Hai\n');
  const dash = '## 1- Một\n\n## 1- Hai\n';
  assert.deepEqual(expectedOf(dash), [[3, '2-']]);
  assert.equal(apply(dash, numberingOf(dash)[0]!.fixes![0]!.edits), '## 1- Một\n\n## 2- Hai\n');
  // Decimal children follow an arabic “2/” renumbered to “3/”.
  const nested = '## 1/ A\n\n## 2/ B\n\n## 2/ C\n\n### 2.1. C một\n';
  assert.equal(apply(nested, numberingOf(nested)[0]!.fixes![0]!.edits), '## 1/ A\n\n## 2/ B\n\n## 3/ C\n\n### 3.1. C một\n');
});

test('a wrong number mid-run: one finding at the slip, none on the next number that is right for its place', () => {
  // QA n05 (“III.” typed “IV.”), n06 (“b.” typed “c.”), n09 (“2.2.” typed “2.3.”).
  assert.deepEqual(expectedOf(replaceLine(SO_KET, 107, '## III.', '## IV.')), [[107, 'III.']]);
  assert.deepEqual(expectedOf(replaceLine(SO_KET, 35, '#### b.', '#### c.')), [[35, 'b.']]);
  assert.deepEqual(expectedOf(replaceLine(BAO_CAO, 28, '#### 2.2.', '#### 2.3.')), [[28, '2.2.']]);
  // Without an outline too.
  assert.deepEqual(expectedOf('## I. A\n\n## II. B\n\n## IV. C\n\n## IV. D\n\n## V. E\n'), [[5, 'III.']]);
  assert.deepEqual(expectedOf('## 1. A\n\n## 3. B\n\n## 3. C\n'), [[3, '2.']]);
  // A repeat that is not its place's number is still found.
  assert.deepEqual(expectedOf('## 1. A\n\n## 2. B\n\n## 2. C\n\n## 4. D\n'), [[5, '3.']]);
});

test('a number in another style is expected in the run’s shape: “c)” among “a)”, “b)”, and the fix writes it', () => {
  const text = '## a) Một\n\n## b) Hai\n\n## 3. Ba\n';
  const got = numberingOf(text);
  assert.deepEqual(got.map((f) => f.message.en), ['Section number “3.” is in another numbering style than its siblings; expected “c)”.']);
  assert.match(got[0]!.message.vi, /cần sửa thành “c\)”/);
  assert.equal(apply(text, got[0]!.fixes![0]!.edits), '## a) Một\n\n## b) Hai\n\n## c) Ba\n');
  // The odd one first: the run's style is the majority's, its shape the majority's too.
  assert.deepEqual(expectedOf('## 1. Một\n\n## b) Hai\n\n## c) Ba\n'), [[1, 'a)']]);
  assert.deepEqual(expectedOf('## a. Một\n\n## b) Hai\n\n## c) Ba\n\n## 4. Bốn\n'), [[7, 'd)']]);
  assert.deepEqual(expectedOf('## I- A\n\n## II- B\n\n## 3. C\n'), [[5, 'III-']]);
});

test('“Phần thứ hai” among “Phần I”, “Phần III” is a mixed style, expected in the run’s part style', () => {
  const text = '# Phần I. A\n\n# Phần thứ hai. B\n\n# Phần III. C\n';
  const got = numberingOf(text);
  assert.deepEqual(got.map((f) => [f.line + 1, f.message.en]), [[3, 'Section number “Phần thứ hai.” is in another numbering style than its siblings; expected “Phần II.”.']]);
  assert.equal(apply(text, got[0]!.fixes![0]!.edits), '# Phần I. A\n\n# Phần II. B\n\n# Phần III. C\n');
  // Two of each: the first sets the style; capitals kept.
  assert.deepEqual(expectedOf('# PHẦN THỨ NHẤT. A\n\n# PHẦN II. B\n'), [[3, 'PHẦN THỨ HAI.']]);
  // One style throughout is fine, in any case and separator.
  assert.deepEqual(numberingOf('# Phần thứ nhất. A\n\n# PHẦN THỨ HAI: B\n\n# Phần thứ ba\n'), []);
  assert.deepEqual(numberingOf('# Phần I. A\n\n# Phần II - B\n'), []);
  // In a report with an outline (QA n11-like: the outline says “Phần thứ hai”).
  const mixed = BAO_CAO.replace(/^## Phần thứ hai/m, '## Phần II');
  assert.notEqual(mixed, BAO_CAO);
  assert.deepEqual(numberingOf(mixed).map((f) => /expected “([^”]+)”/.exec(f.message.en)![1]), ['Phần thứ hai.']);
});

test('a section at another level or out of order: the outline checks find it, right numbers get no numbering finding', () => {
  // QA l01: “### 2. Thuận lợi” made “####”.
  assert.deepEqual(codesAt(replaceLine(SO_KET, 15, '### 2.', '#### 2.'), ['numbering', 'section-level']), ['15 section-level']);
  // QA l02: “#### c.” made “###”, among “1.”, “2.”, … .
  assert.deepEqual(codesAt(replaceLine(SO_KET, 39, '#### c.', '### c.'), ['numbering', 'section-level']), ['39 section-level']);
  // QA l04: “## V.” made “###”.
  assert.deepEqual(codesAt(replaceLine(SO_KET, 127, '## V.', '### V.'), ['numbering', 'section-level']), ['127 section-level']);
  // QA s01: III and IV swapped, each keeping its number.
  assert.deepEqual(codesAt(swapLines(SO_KET, 107, 122, 123, 126), ['numbering', 'section-order']), ['111 section-order']);
  // QA s02: 2. and 3. swapped.
  assert.deepEqual(codesAt(swapLines(SO_KET, 15, 18, 19, 22), ['numbering', 'section-order']), ['19 section-order']);
});

test('a required section missing, its siblings keeping the outline’s numbers: only missing-section', () => {
  // QA m01 (IV missing, V kept), m07 (2. missing), m08 (1. missing), m13 (2.1. missing).
  assert.deepEqual(codesAt(deleteLines(SO_KET, 123, 126), ['numbering', 'missing-section']), ['107 missing-section']);
  assert.deepEqual(codesAt(deleteLines(SO_KET, 15, 18), ['numbering', 'missing-section']), ['11 missing-section']);
  assert.deepEqual(codesAt(deleteLines(SO_KET, 11, 14), ['numbering', 'missing-section']).filter((c) => c.endsWith('numbering')), []);
  assert.deepEqual(codesAt(deleteLines(BAO_CAO, 24, 27), ['numbering']), []);
});

test('what the outline does not explain is still found', () => {
  // An optional section left out (QA o03): the numbers after it should close up.
  assert.deepEqual(expectedOf(deleteLines(KIEM_DIEM, 48, 51)), [[48, 'IV.']]);
  // Another style in place (QA n03), a wrong decimal prefix (QA n04), a duplicate (QA n01).
  assert.deepEqual(expectedOf(replaceLine(SO_KET, 15, '### 2.', '### b)')), [[15, '2.']]);
  assert.deepEqual(expectedOf(replaceLine(BAO_CAO, 24, '#### 2.1.', '#### 1.1.')), [[24, '2.1.']]);
  assert.deepEqual(expectedOf(replaceLine(SO_KET, 19, '### 3.', '### 2.')), [[19, '3.']]);
  // A section the outline does not name, repeating the number before it: the next ones follow it.
  const extra = replaceLine(SO_KET, 123, '## IV.', '## III. Một mục thêm\n\nNội dung.\n\n## IV.');
  assert.deepEqual(expectedOf(extra), [[123, 'IV.']]);
});

test('a run renumbered by its author to close a missing section’s gap: a later number the outline happens to give is a skip of that run', () => {
  // III left out, IV–VI renumbered III–V, VII kept: "VII." after "V." skips VI.
  const lines = KIEM_DIEM.split('\n');
  const from = lines.findIndex((l) => l.startsWith('# III. '));
  const to = lines.findIndex((l) => l.startsWith('# IV. '));
  let text = [...lines.slice(0, from), ...lines.slice(to)].join('\n');
  text = text.replace('# IV. ', '# III. ').replace('# V. ', '# IV. ').replace('# VI. ', '# V. ');
  assert.deepEqual(expectedOf(text).map(([, e]) => e), ['VI.']);
  assert.ok(findings(text).some((f) => f.code === 'missing-section'));
});

test('a subsection at a wrong level, numbered in its own style, takes no place in its new siblings’ count', () => {
  // "# 2. Nguyên nhân" among "# I.", "# II.": section-level's finding; III. after it is right.
  const text = KIEM_DIEM.replace(/^## 2\. Nguyên nhân/m, '# 2. Nguyên nhân');
  assert.deepEqual(expectedOf(text), []);
  assert.ok(findings(text).some((f) => f.code === 'section-level'));
  // With III left out and the rest renumbered, the skip to VII is found, expecting VI.
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('# III. '));
  const to = lines.findIndex((l) => l.startsWith('# IV. '));
  const renumbered = [...lines.slice(0, from), ...lines.slice(to)].join('\n').replace('# IV. ', '# III. ').replace('# V. ', '# IV. ').replace('# VI. ', '# V. ');
  assert.deepEqual(expectedOf(renumbered).map(([, e]) => e), ['VI.']);
});

/**
 * The kiểm điểm report with an extra section after I. (allowed), so that the outline's II.–VII. are
 * numbered III.–VIII., and "Phương hướng" (the outline's VI.) left out.
 */
function shiftedWithoutPhuongHuong(): string {
  const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
  const lines = KIEM_DIEM.split('\n');
  const at = lines.findIndex((l) => l.startsWith('# II. '));
  const shifted = [...lines.slice(0, at), '# II. Công tác phối hợp với các tổ chức thành viên', '', 'Nội dung.', '', ...lines.slice(at)]
    .map((l, k) => (k > at + 3 ? l.replace(/^# ([IVX]+)\. /, (_, r: string) => `# ${romans[romans.indexOf(r) + 1]}. `) : l));
  const from = shifted.findIndex((l) => /^# [IVX]+\. Phương hướng/.test(l));
  const to = from + 1 + shifted.slice(from + 1).findIndex((l) => l.startsWith('# '));
  return [...shifted.slice(0, from), ...shifted.slice(to)].join('\n');
}

test('a gap of just the sections the report leaves out is the missing section’s finding, also when extra sections shift the numbers', () => {
  const text = shiftedWithoutPhuongHuong();
  assert.deepEqual(expectedOf(text), []);
  assert.equal(findings(text).filter((f) => f.code === 'missing-section').length, 1);
});

test('a missing section after sections numbered otherwise than the outline is named by its title, its number said to be the outline’s', () => {
  const [f] = findings(shiftedWithoutPhuongHuong()).filter((x) => x.code === 'missing-section');
  assert.match(f!.message.en, /^Missing section “Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm” \(numbered VI in the outline\); the outline puts it after “VI\. Trách nhiệm/);
  assert.match(f!.message.vi, /^Thiếu mục “Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm” \(mục VI trong đề cương\)/);
  // Numbered as the outline (or in another separator only): the number as the outline has it.
  const lines = KIEM_DIEM.split('\n');
  const plain = lines.filter((_, k) => k < lines.findIndex((l) => /^# VI\. Phương hướng/.test(l)) || k >= lines.findIndex((l) => /^# VII\. /.test(l))).join('\n');
  assert.match(findings(plain).find((x) => x.code === 'missing-section')!.message.en, /^Missing section “VI\. Phương hướng/);
});

test('a section alone at a level the outline does not give it is section-level’s, not renumbered among its new siblings (“### III.” under “## II.” is not told to become “I.”)', () => {
  const text = '# KẾ HOẠCH TỔ CHỨC THĂM HỎI\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n\n## II. NỘI DUNG\n\nB.\n\n### III. TỔ CHỨC THỰC HIỆN\n\nC.\n';
  const found = findings(text);
  assert.deepEqual(found.filter((f) => f.code === 'numbering').map((f) => f.message.en), []);
  assert.deepEqual(found.filter((f) => f.code === 'section-level').map((f) => f.message.en.slice(0, f.message.en.indexOf(';'))), ['Section “III. TỔ CHỨC THỰC HIỆN” is a “###” heading']);
});

test('seed 004’s “4.” among Roman top sections, typed as a bold line: marked at the outline’s level, and numbered “IV.” among them — no advice against section-level', () => {
  const lines = ['# BÁO CÁO KIỂM ĐIỂM TẬP THỂ BAN THƯỜNG TRỰC', '', '## I. Ưu điểm, kết quả đạt được', '', 'A.', '', '## II. Hạn chế, khuyết điểm và nguyên nhân', '', 'B.', '', '## III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước', '', 'C.', '', '**4. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)**', '', 'D.', '', '## V. Trách nhiệm của tập thể, cá nhân', '', 'E.', ''];
  const found = findings(lines.join('\n'));
  const on4 = found.filter((f) => f.line === 14).map((f) => `${f.code}: ${f.message.en}`);
  assert.ok(on4.some((m) => m.startsWith('heading-not-marked: ') && m.includes('start the line with “## ”')), on4.join('\n'));
  assert.ok(on4.some((m) => m === 'numbering: Section number “4.” is in another numbering style than its siblings; expected “IV.”.'), on4.join('\n'));
  assert.ok(!on4.some((m) => m.startsWith('section-level: ')), on4.join('\n'));
});
