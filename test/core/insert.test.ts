import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, fixAll, applyEdits, ParseCache, type Fix } from '../../server/src/core/index.ts';
import { parseMarkdown } from '../../server/src/core/parse.ts';
import { buildOutline, type Section } from '../../server/src/core/outline.ts';
import { titleForReport } from '../../server/src/core/insert.ts';
import { builtinRegistry, findings, listFixtures, readFixture } from '../helpers.ts';

const headingLines = (text: string) => text.split(/\r?\n/).filter((l) => /^#{1,6} /.test(l));
const missing = (text: string) => findings(text).filter((f) => f.code === 'missing-section');
const sectionsOf = (text: string) => buildOutline(parseMarkdown(text)).all;
const remove = (text: string, s: Section) => text.slice(0, s.heading.offset) + text.slice(s.end);
const runFixAll = (text: string, options = {}) => {
  const cache = new ParseCache();
  return fixAll(text, (t) => check(t, builtinRegistry(), { ...options, insertOnly: true }, cache).findings);
};

/** Is `a` a subsequence of `b` (every character of a, in order, kept in b)? */
function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j++) if (a[i] === b[j]) i++;
  return i === a.length;
}

for (const file of listFixtures('complete')) {
  const id = file.replace(/\.md$/, '');
  const text = readFixture('complete', file);
  const template = builtinRegistry().templates.get(id)!;

  test(`${id}: deleting any one section, its fix re-inserts the heading in place, same level and number`, () => {
    let tried = 0;
    for (const s of sectionsOf(text)) {
      const expected = template.outline.all.find((t) => t.heading.keys.core === s.heading.keys.core);
      if (!expected || expected.optional) continue;
      const mutated = remove(text, s);
      const found = missing(mutated);
      assert.equal(found.length, 1, s.heading.text);
      const fixed = applyEdits(mutated, found[0]!.fixes![0]!.edits);
      assert.deepEqual(missing(fixed), [], `fixed “${s.heading.text}”`);
      // The removed headings come back, minus optional subsections, in their places.
      const removedOptional = headingLines(text.slice(s.heading.offset, s.end)).filter((l) => /\(nếu có\)/i.test(l));
      assert.deepEqual(headingLines(fixed), headingLines(text).filter((l) => !removedOptional.includes(l)), s.heading.text);
      assert.ok(isSubsequence(mutated, fixed), 'the fix only inserts');
      tried++;
    }
    assert.ok(tried >= 3);
  });

  test(`${id}: all sections but the first deleted → fix-all restores every required section in outline order`, () => {
    const sections = sectionsOf(text).filter((s) => !s.parent);
    const kept = text.slice(0, sections[1]!.heading.offset);
    const { text: fixed, edits } = runFixAll(kept);
    assert.deepEqual(missing(fixed), []);
    assert.equal(applyEdits(kept, edits), fixed, 'the composed edits give the same text');
    const order = template.outline.all.filter((t) => !t.optional && !hasOptionalAncestor(t)).map((t) => t.heading.keys.core);
    const got = buildOutline(parseMarkdown(fixed)).all.map((s) => s.heading.keys.core).filter((k) => order.includes(k));
    assert.deepEqual(got, order);
  });
}

function hasOptionalAncestor(s: Section): boolean {
  for (let p = s.parent; p; p = p.parent) if (p.optional) return true;
  return false;
}

test('the inserted section carries the outline guidance as a comment, unless switched off', () => {
  const text = '---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\n---\n# BÁO CÁO\n\n## I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT\n\n### 2. Thuận lợi\n\nA.\n\n### 3. Khó khăn\n\nB.\n';
  const f = missing(text).find((x) => x.message.en.includes('1. Công tác triển khai'))!;
  const inserted = f.fixes![0]!.edits[0]!.text;
  assert.equal(inserted, '### 1. Công tác triển khai\n\n<!-- - Hình thức\n- Số cuộc, số lượt người dự -->\n\n');
  const plain = findings(text, { insertGuidance: false }).find((x) => x.code === 'missing-section' && x.message.en.includes('1. Công tác'))!;
  assert.equal(plain.fixes![0]!.edits[0]!.text, '### 1. Công tác triển khai\n\n');
});

test('inserting “III.” before an existing “III.” renumbers the siblings after it in the same edit', () => {
  const text = '---\ndecuong: ke-hoach\n---\n# I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n\n# II. KINH PHÍ\n\nB.\n\n# III. TỔ CHỨC THỰC HIỆN\n\nC.\n';
  // "II. NỘI DUNG" is missing after I.; the report's own II./III. shift to III./IV.
  const f = missing(text)[0]!;
  const fixed = applyEdits(text, f.fixes![0]!.edits);
  assert.deepEqual(headingLines(fixed), ['# I. MỤC ĐÍCH, YÊU CẦU', '# II. NỘI DUNG', '# III. KINH PHÍ', '# IV. TỔ CHỨC THỰC HIỆN']);
  assert.deepEqual(findings(fixed, { insertGuidance: false }).filter((x) => x.code === 'numbering'), []);
});

test('CRLF, BOM and NFD are kept around an insertion', () => {
  const lf = '---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\n## III. TỔ CHỨC THỰC HIỆN\n\nNội dung.\n';
  const text = '\uFEFF' + lf.replace(/\n/g, '\r\n').normalize('NFD');
  const { text: fixed } = runFixAll(text, { insertGuidance: false });
  assert.ok(fixed.startsWith('\uFEFF---\r\n'));
  assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  assert.equal(fixed, fixed.normalize('NFD'));
  assert.ok(fixed.includes('## II. NỘI DUNG'.normalize('NFD') + '\r\n\r\n## III.'));
});

test('use the outline title: only the title text changes, number and marker stay', () => {
  const text = '---\ndecuong: ke-hoach\n---\n# I. MỤC ĐÍCH YÊU CÂU\n\n# **II. NỘI DUG**\n\n# III. TỔ CHỨC THỰC HIỆN\n';
  const fixes = findings(text).filter((f) => f.code === 'section-title').map((f) => f.fixes![0]!);
  assert.equal(fixes.length, 2);
  const fixed = applyEdits(text, fixes.flatMap((f) => f.edits));
  assert.equal(fixed, text.replace('I. MỤC ĐÍCH YÊU CÂU', 'I. MỤC ĐÍCH, YÊU CẦU').replace('**II. NỘI DUG**', '**II. NỘI DUNG**'));
  assert.deepEqual(findings(fixed).filter((f) => f.code === 'section-title'), []);
});

/** Random reports from the built-in outlines: sections dropped, reordered, renamed; CRLF/NFD. */
const ids = [...builtinRegistry().templates.keys()];
const report = fc.record({
  id: fc.constantFrom(...ids),
  keep: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  swap: fc.option(fc.nat(30)),
  typo: fc.option(fc.nat(30)),
  crlf: fc.boolean(),
  nfd: fc.boolean(),
  titled: fc.boolean(),
}).map(({ id, keep, swap, typo, crlf, nfd, titled }) => {
  const t = builtinRegistry().templates.get(id)!;
  const shift = titled ? 1 : 0;
  const blocks = t.outline.all.map((s, i) => ({ s, keep: keep[i % keep.length] || i === 0 }));
  const lines: string[] = [`---`, `decuong: ${id}`, `---`];
  if (titled) lines.push('# BÁO CÁO', '');
  const visible = blocks.filter((b) => b.keep && !blocks.some((o) => !o.keep && isAncestor(o.s, b.s)));
  if (swap !== null && visible.length > 2) {
    const i = swap % (visible.length - 1);
    const [a, b] = [visible[i]!, visible[i + 1]!];
    if (a.s.parent === b.s.parent && !a.s.children.length && !b.s.children.length) [visible[i], visible[i + 1]] = [b, a];
  }
  visible.forEach((b, i) => {
    let title = b.s.heading.text;
    if (typo !== null && i === typo % visible.length && title.length > 12) title = title.slice(0, -2) + title.slice(-1);
    lines.push(`${'#'.repeat(b.s.heading.depth + shift)} ${title}`, '', `Nội dung mục ${i}.`, '');
  });
  let text = lines.join(crlf ? '\r\n' : '\n');
  if (nfd) text = text.normalize('NFD');
  return text;
});

function isAncestor(a: Section, b: Section): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

const repeatedNumbers = (text: string) => findings(text).filter((f) => f.code === 'numbering' && /repeats an earlier number/.test(f.message.en)).length;

test('property: fix-all removes every missing-section but those whose number a section keeps, only inserts, never repeats a number, and is idempotent', () => {
  fc.assert(fc.property(report, (text) => {
    const once = runFixAll(text);
    // Left: inserting it would give the report two sections of one number (the author chooses).
    const left = once.left.filter((f) => f.code === 'missing-section');
    assert.deepEqual(missing(once.text).map((f) => f.message.en), left.map((f) => f.message.en));
    for (const f of left) assert.ok(!f.fixes!.some((x) => x.preferred), f.message.en);
    assert.ok(repeatedNumbers(once.text) <= repeatedNumbers(text), 'no number repeated by the fix');
    assert.ok(isSubsequence(text, once.text), 'the original is a subsequence of the result');
    assert.equal(applyEdits(text, once.edits), once.text);
    const crlf = text.includes('\r\n');
    if (crlf) assert.ok(!/[^\r]\n/.test(once.text), 'CRLF kept');
    const twice = runFixAll(once.text);
    assert.deepEqual(twice.edits as Fix[], []);
  }), { numRuns: Number(process.env.FC_RUNS ?? 150) });
});

test('a section in the missing one’s place with its number but other words: named in the message, renaming it offered after the insertion, neither preferred', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  assert.match(complete, /^### 3\. Khó khăn$/m);
  const renamed = complete.replace(/^### 3\. Khó khăn$/m, '### 3. Tình hình thời tiết năm 2021');
  const [f, ...rest] = missing(renamed);
  assert.equal(rest.length, 0);
  assert.match(f!.message.vi, /Thiếu mục “3\. Khó khăn”.*Ở đúng vị trí này đang có mục “3\. Tình hình thời tiết năm 2021” cùng số thứ tự/);
  assert.match(f!.message.en, /“3\. Tình hình thời tiết năm 2021” stands in its place with the same number/);
  assert.equal(f!.related?.[0]?.offset, renamed.indexOf('3. Tình hình thời tiết'));
  const [insert, rename] = f!.fixes!;
  // Neither is preferred: fix-all would otherwise give the report two sections numbered 3.
  assert.ok(!insert!.preferred && !rename!.preferred);
  assert.equal(applyEdits(renamed, rename!.edits), complete, 'the rename fix puts the outline’s title back');
  // Another number in that place is another section: no rename offered.
  const other = complete.replace(/^### 3\. Khó khăn$/m, '### 4. Tình hình thời tiết năm 2021');
  assert.equal(missing(other)[0]!.fixes!.length, 1);
  assert.doesNotMatch(missing(other)[0]!.message.en, /in its place/);
});

test('an inserted section takes the report’s years, not the outline’s (“… NĂM 2021” in a report for 2023); dates stay', () => {
  const complete = readFixture('complete', 'bao-cao-6-thang-cong-tac-mat-tran.md');
  const for2023 = complete.replace(/\b2021\b/g, '2023');
  const part2 = sectionsOf(for2023).find((s) => s.heading.text.startsWith('Phần thứ hai'))!;
  const text = remove(for2023, part2);
  const [f] = missing(text);
  assert.match(f!.message.en, /Missing section “Phần thứ hai\. TRỌNG TÂM CÔNG TÁC MẶT TRẬN 6 THÁNG CUỐI NĂM 2023”/);
  const fixed = runFixAll(text).text;
  assert.match(fixed, /^## Phần thứ hai\. TRỌNG TÂM CÔNG TÁC MẶT TRẬN 6 THÁNG CUỐI NĂM 2023$/m);
  assert.doesNotMatch(fixed, /2021/);
  assert.equal(missing(fixed).length, 0);
  assert.equal(titleForReport('theo Chỉ thị số 10-CT/TW ngày 15/12/2016, giai đoạn 2016 - 2020', 2), 'theo Chỉ thị số 10-CT/TW ngày 15/12/2016, giai đoạn 2018 - 2022');
  // A term typed without spaces moves whole; a month's year moves with it; a date's year does not.
  assert.equal(titleForReport('bầu cử đại biểu HĐND các cấp nhiệm kỳ 2021-2026.', 5), 'bầu cử đại biểu HĐND các cấp nhiệm kỳ 2026-2031.');
  assert.equal(titleForReport('Giai đoạn 2019 - 2022, số liệu đến tháng 6/2022.', 5), 'Giai đoạn 2024 - 2027, số liệu đến tháng 6/2027.');
  assert.equal(titleForReport('Kế hoạch số 237/KHPH ngày 12/9/2017, ngày 10-3-2021, nhiệm kỳ 2019–2024', 5), 'Kế hoạch số 237/KHPH ngày 12/9/2017, ngày 10-3-2021, nhiệm kỳ 2024–2029');
});

test('a missing section goes after the whole of the one before it, a subsection of it at a wrong level included, numbered after it', () => {
  const complete = readFixture('complete', 'kiem-diem-tap-the-ban-thuong-truc.md');
  // II.2 one level too high ("# 2. Nguyên nhân …" after "# II."), and III left out.
  const lines = complete.replace(/^## 2\. Nguyên nhân/m, '# 2. Nguyên nhân').split('\n');
  const from = lines.findIndex((l) => l.startsWith('# III. '));
  const to = lines.findIndex((l) => l.startsWith('# IV. '));
  const text = [...lines.slice(0, from), ...lines.slice(to)].join('\n');
  const f = missing(text).find((x) => x.message.en.includes('Kết quả khắc phục'))!;
  const fixed = applyEdits(text, f.fixes![0]!.edits);
  const heads = headingLines(fixed);
  const at = heads.findIndex((h) => h.includes('Kết quả khắc phục'));
  assert.ok(heads[at - 1]!.startsWith('# 2. Nguyên nhân'), heads.slice(at - 2, at + 2).join('\n'));
  assert.ok(heads[at]!.startsWith('# III. '), heads[at]);
  assert.ok(heads[at + 1]!.startsWith('# IV. '), heads[at + 1]);
});

test('a missing section goes after the sibling the report has last (two swapped), and before a next sibling nested one level too deep', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const sections = sectionsOf(complete);
  const byTitle = (t: string) => sections.find((s) => s.heading.text.includes(t))!;
  // III.: "2. Về hạn chế" before "1. Về ưu điểm" (swapped), "3. Bài học kinh nghiệm" left out.
  const good = byTitle('Về ưu điểm');
  const bad = byTitle('Về hạn chế');
  const lesson = byTitle('Bài học kinh nghiệm');
  const swapped = complete.slice(0, good.heading.offset) + complete.slice(bad.heading.offset, bad.end) + complete.slice(good.heading.offset, good.end) + complete.slice(lesson.end);
  const f = missing(swapped).find((x) => x.message.en.includes('Bài học kinh nghiệm'))!;
  const heads = headingLines(applyEdits(swapped, f.fixes![0]!.edits));
  const at = heads.findIndex((h) => h.includes('Bài học kinh nghiệm'));
  assert.ok(heads[at - 1]!.includes('Về ưu điểm'), heads.slice(at - 3, at + 1).join('\n'));
  assert.match(heads[at]!, /^#+ 3\. Bài học kinh nghiệm/);
  // II.: "2." left out, "3." one level too deep (inside "1." in the report's tree).
  const two = byTitle('2. Nâng cao chất lượng');
  const three = byTitle('3. Thực hiện dân chủ');
  const deeper = complete.slice(0, two.heading.offset) + '#' + complete.slice(three.heading.offset);
  const g = missing(deeper).find((x) => x.message.en.includes('Nâng cao chất lượng'))!;
  const fixed = applyEdits(deeper, g.fixes![0]!.edits);
  assert.ok(fixed.indexOf('2. Nâng cao chất lượng') < fixed.indexOf('#### 3. Thực hiện dân chủ'), 'inserted before the mis-levelled “3.”');
  assert.deepEqual(findings(fixed).filter((x) => x.code === 'section-order'), []);
});
