import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findings, readFixture } from '../helpers.ts';
import type { Fix } from '../../server/src/core/types.ts';

const numberingOf = (text: string) => findings(text).filter((f) => f.code === 'numbering');

function apply(text: string, edits: Fix[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.text + t.slice(e.offset + e.length), text);
}

test('seed 001: the second “III.” is found, expecting “IV.”', () => {
  const got = numberingOf(readFixture('seeds', '001-ke-hoach.md'));
  assert.deepEqual(got.map((f) => [f.line + 1, f.message.en]), [[81, 'Section number “III.” repeats an earlier number; expected “IV.”.']]);
});

test('seed 004: I, II, III, 4, V, IV, V — one finding per slip with the expected number', () => {
  const text = readFixture('seeds', '004-kiem-diem-tap-the-ban-thuong-truc.md');
  const top = numberingOf(text).filter((f) => /“[IVX]+\.”$|“4\.”.*“IV\.”/.test(f.message.en.replace(/\.$/, '')));
  assert.deepEqual(top.map((f) => [f.line + 1, /expected “([^”]+)”/.exec(f.message.en)![1]]), [[105, 'IV.'], [116, 'VI.'], [138, 'VII.']]);
  assert.match(top[0]!.message.vi, /khác kiểu đánh số/);
});

test('the renumber fix renumbers the whole run and the decimal children that depend on it', () => {
  const text = '# BÁO CÁO\n\n## I. A\n\n## II. B\n\n### 2.1. B một\n\n### 2.2. B hai\n\n## II. C\n\n### 2.1. C một\n\n#### 2.1.1. sâu\n\n## 4. D\n';
  const got = numberingOf(text);
  assert.deepEqual(got.map((f) => f.line), [10, 16]);
  const fixed = apply(text, got[0]!.fixes![0]!.edits);
  assert.equal(fixed, '# BÁO CÁO\n\n## I. A\n\n## II. B\n\n### 2.1. B một\n\n### 2.2. B hai\n\n## III. C\n\n### 2.1. C một\n\n#### 2.1.1. sâu\n\n## IV. D\n');
  const decimals = '## 1. A\n\n### 1.1. x\n\n## 1. B\n\n### 1.1. y\n\n#### 1.1.1. z\n';
  const f = numberingOf(decimals)[0]!;
  assert.equal(apply(decimals, f.fixes![0]!.edits), '## 1. A\n\n### 1.1. x\n\n## 2. B\n\n### 2.1. y\n\n#### 2.1.1. z\n');
});

test('letters follow the Vietnamese order; styles and separators are kept', () => {
  const text = '## a) Một\n\n## b) Hai\n\n## c) Ba\n\n## d) Bốn\n\n## e) Năm\n';
  const got = numberingOf(text);
  assert.deepEqual(got.map((f) => /expected “([^”]+)”/.exec(f.message.en)![1]), ['đ)']);
  assert.equal(apply(text, got[0]!.fixes![0]!.edits), '## a) Một\n\n## b) Hai\n\n## c) Ba\n\n## d) Bốn\n\n## đ) Năm\n');
  assert.deepEqual(numberingOf('# Phần thứ nhất\n\n# Phần thứ ba\n').map((f) => /expected “([^”]+)”/.exec(f.message.en)![1]), ['Phần thứ hai']);
  assert.deepEqual(numberingOf('# PHẦN I. A\n\n# PHẦN III. B\n').map((f) => /expected “([^”]+)”/.exec(f.message.en)![1]), ['PHẦN II.']);
});

test('a report whose sections carry no numbers is fine, and so is a clean run', () => {
  assert.deepEqual(numberingOf('# A\n\n## Mở đầu\n\n## Kết quả\n'), []);
  assert.deepEqual(numberingOf(readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md')), []);
});

test('numbered prose between sections: counted when it fills the gap, no finding when the heading has its place’s number', () => {
  // "b." written as prose between the headings "a." and "c.": the count goes on.
  assert.deepEqual(numberingOf('## a) Một\n\nb) Hình thức tổ chức: tùy tình hình.\n\n## c) Ba\n'), []);
  // A list of the previous section numbered "3.": the heading "3." is right, not "expected 3.".
  assert.deepEqual(numberingOf('## 1. Một\n\nVăn bản.\n\n## 2. Hai\n\nVăn bản.\n\n3. Kết quả tại bản Na Hang\n\n## 3. Ba\n'), []);
  // A heading that neither follows nor has its place's number is still found.
  assert.deepEqual(numberingOf('## 1. Một\n\n3. Kết quả tại bản Na Hang\n\n## 5. Ba\n').map((f) => f.message.en), ['Section number “5.” does not follow the previous number; expected “2.”.']);
});

test('NFD and bold numbers: the fix replaces exactly the number', () => {
  const text = '# Phần thứ nhất\n\n# Phần thứ nhất\n'.normalize('NFD');
  const f = numberingOf(text)[0]!;
  const fixed = apply(text, f.fixes![0]!.edits);
  assert.equal(fixed.normalize('NFC'), '# Phần thứ nhất\n\n# Phần thứ hai\n');
  const bold = '## **1. A**\n\n## **3. B**\n';
  assert.equal(apply(bold, numberingOf(bold)[0]!.fixes![0]!.edits), '## **1. A**\n\n## **2. B**\n');
});

/** Property: random runs of headings with random numbers; the fix clears the run and touches only numbers. */
const styleGen = fc.constantFrom('roman', 'arabic', 'letter', 'part', 'arabic-slash', 'letter-dash', 'part-ordinal');
const numberText = (style: string, v: number) =>
  style === 'roman' ? ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][v - 1] + '.'
    : style === 'arabic' ? `${v}.`
      : style === 'arabic-slash' ? `${v}/`
        : style === 'letter' ? `${'abcdđeghik'[v - 1]})`
          : style === 'letter-dash' ? `${'abcdđeghik'[v - 1]}-`
            : style === 'part-ordinal' ? `Phần thứ ${['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám'][v - 1]}:`
              : `Phần ${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][v - 1]}.`;
const doc = fc.record({
  style: styleGen,
  values: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 8 }),
  prose: fc.array(fc.constantFrom('Nội dung.', 'Số liệu 1.000 người.', '- gạch đầu dòng', ''), { minLength: 8, maxLength: 8 }),
  crlf: fc.boolean(),
}).map(({ style, values, prose, crlf }) => {
  const eol = crlf ? '\r\n' : '\n';
  return values.map((v, i) => `## ${numberText(style, v)} Mục ${i}${eol}${eol}${prose[i]}${eol}`).join(eol);
});

/** Runs whose headings mix styles and separators (`a)`, `3.`, `Phần thứ hai` among `Phần I.`). */
const mixedDoc = fc.array(fc.record({ style: styleGen, value: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 8 })
  .map((items) => items.map(({ style, value }, i) => `## ${numberText(style, value)} Mục ${i}\n\nNội dung.\n`).join('\n'));

test('property: with styles mixed, the renumber fix leaves no numbering finding', () => {
  fc.assert(fc.property(mixedDoc, (text) => {
    const got = numberingOf(text);
    if (!got.length) return;
    assert.deepEqual(numberingOf(apply(text, got[0]!.fixes![0]!.edits)).map((f) => f.message.en), [], text);
  }), { numRuns: 300 });
});

test('property: the renumber fix leaves no numbering finding and changes nothing but numbers', () => {
  fc.assert(fc.property(doc, (text) => {
    const got = numberingOf(text);
    if (!got.length) return;
    const fixed = apply(text, got[0]!.fixes![0]!.edits);
    assert.deepEqual(numberingOf(fixed), []);
    // Outside the numbers, the text is untouched: strip the numbers from both and compare.
    const strip = (t: string) => t.replace(/^## (?:Phần (?:thứ )?)?[^ ]+ /gm, '## ');
    assert.equal(strip(fixed), strip(text));
    assert.equal(fixed.split('\r\n').length, text.split('\r\n').length, 'line endings kept');
  }), { numRuns: 300 });
});

test('a section one level too deep counts among the siblings the outline gives it: no skip after it', () => {
  // `### III.` under `## II.` is section-level's finding; `## IV.` after it follows III, it does not skip it.
  const text = '# KẾ HOẠCH TỔ CHỨC TẾT VÌ NGƯỜI NGHÈO NĂM 2025\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nChăm lo Tết.\n\n## II. NỘI DUNG\n\nTrao quà.\n\n### III. THỜI GIAN, HÌNH THỨC TỔ CHỨC\n\nTừ ngày 10/01/2025.\n\n## IV. TỔ CHỨC THỰC HIỆN\n\nBan công tác Mặt trận thực hiện.\n';
  const all = findings(text);
  assert.deepEqual(all.filter((f) => f.code === 'section-level').map((f) => f.line), [10]);
  assert.deepEqual(numberingOf(text), []);
  // Without the stray III, IV does skip.
  const skipped = text.replace(/### III\.[^]*?(?=## IV)/, '');
  assert.deepEqual(numberingOf(skipped).map((f) => f.data), [{ expected: 'III.' }]);
});

test('a lone first child numbered as its parent’s next sibling: the level is the slip, and the fix moves it up', () => {
  const text = '# KẾ HOẠCH GIÁM SÁT NĂM 2025\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nGiám sát.\n\n## II. NỘI DUNG\n\n### 1. Đối tượng giám sát\n\nỦy ban nhân dân xã.\n\n### 2. Nội dung giám sát\n\nHỗ trợ nhà ở.\n\n#### 3. Phương thức giám sát\n\nGiám sát trực tiếp.\n\n## III. TỔ CHỨC THỰC HIỆN\n\nBan Thường trực chủ trì.\n';
  const got = numberingOf(text);
  assert.equal(got.length, 1);
  assert.equal(got[0]!.line, 16);
  assert.match(got[0]!.message.vi, /“3\.” có số liền sau mục “2\.”.*“####” thành “###”/);
  assert.match(got[0]!.message.en, /next of “2\.” one level up/);
  assert.ok(!got[0]!.message.en.includes('expected “1.”'));
  const fixed = apply(text, got[0]!.fixes![0]!.edits);
  assert.equal(fixed, text.replace('#### 3.', '### 3.'));
  assert.deepEqual(numberingOf(fixed), []);
  // Two children, or one numbered “1.”, or one under a parent of another style: a run of their own.
  assert.deepEqual(numberingOf(text.replace('#### 3. Phương thức giám sát', '#### 1. Phương thức giám sát')), []);
  assert.match(numberingOf(text.replace('#### 3. Phương thức giám sát\n\nGiám sát trực tiếp.\n', '#### 3. Phương thức\n\nA.\n\n#### 4. Thời gian\n\nB.\n'))[0]!.message.en, /expected “1\.”/);
});

test('a lone first child moved up counts among its parent’s siblings (no “3. expected 2.” after it), and is not moved up onto a number its parent’s next sibling has', () => {
  const base = '# KẾ HOẠCH TỔ CHỨC NGÀY HỘI NĂM 2025\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n\n## II. NỘI DUNG\n\n### 1. Nội dung\n\nB.\n\n#### 2. Hình thức\n\nC.\n\n### 3. Thời gian\n\nD.\n\n## III. TỔ CHỨC THỰC HIỆN\n\nE.\n';
  const got = numberingOf(base);
  assert.equal(got.length, 1, got.map((f) => f.message.en).join('\n'));
  assert.match(got[0]!.message.en, /“2\.” is numbered as the next of “1\.”/);
  // Following it gives 1., 2., 3.: no finding left.
  assert.deepEqual(numberingOf(apply(base, got[0]!.fixes![0]!.edits)), []);
  // With “### 2.” after the parent already, moving “#### 2.” up would repeat 2.: it is a subsection numbered amiss.
  const taken = base.replace('### 3. Thời gian', '### 2. Thời gian');
  const said = numberingOf(taken).map((f) => f.message.en);
  assert.deepEqual(said, ['Section number “2.” does not follow the previous number; expected “1.”.']);
});
