import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, fixAll } from '../../server/src/core/index.ts';
import { parseMarkdown } from '../../server/src/core/parse.ts';
import { buildOutline, type Section } from '../../server/src/core/outline.ts';
import { builtinRegistry, findings, listFixtures, readFixture } from '../helpers.ts';

const headingLines = (text: string) => text.split(/\r?\n/).filter((l) => /^#{1,6} /.test(l));
const missing = (text: string) => findings(text).filter((f) => f.code === 'missing-section');
const sectionsOf = (text: string) => buildOutline(parseMarkdown(text)).all;
/** The section's heading and its intro (up to its first subsection) removed; the subsections stay. */
const removeHeadingOnly = (text: string, s: Section) => text.slice(0, s.heading.offset) + text.slice(s.children[0]!.heading.offset);

for (const file of listFixtures('complete')) {
  const id = file.replace(/\.md$/, '');
  const text = readFixture('complete', file);
  const template = builtinRegistry().templates.get(id)!;

  test(`${id}: a section's heading deleted, its subsections left: the fix inserts the heading alone, before them, with its number`, () => {
    let tried = 0;
    for (const s of sectionsOf(text)) {
      const expected = template.outline.all.find((t) => t.heading.keys.core === s.heading.keys.core);
      if (!expected || expected.optional || !s.children.length || !expected.children.some((c) => !c.optional)) continue;
      const mutated = removeHeadingOnly(text, s);
      const found = missing(mutated);
      assert.equal(found.length, 1, s.heading.text);
      assert.doesNotMatch(found[0]!.message.en, /subsection/, 'its subsections are there: none is said to be missing');
      assert.doesNotMatch(found[0]!.message.vi, /mục con/);
      const fixed = applyEdits(mutated, found[0]!.fixes![0]!.edits);
      assert.deepEqual(missing(fixed), [], `fixed “${s.heading.text}”`);
      assert.deepEqual(headingLines(fixed), headingLines(text), s.heading.text);
      tried++;
    }
    if (expectedToTry.has(id)) assert.ok(tried >= 1, id);
  });
}

/** Complete reports whose outline has a required section with required subsections. */
const expectedToTry = new Set(['so-ket-giua-nhiem-ky-2019-2024', 'bao-cao-6-thang-cong-tac-mat-tran']);

test('QA repro: “### 1.” deleted under “## II.”, its “#### a./b./c.” left: “### 1.” goes before “a.”, no copies of a./b./c.', () => {
  const text = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const heading = '### 1. Tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân; củng cố, tăng cường, phát huy sức mạnh đại đoàn kết toàn dân tộc';
  const start = text.indexOf(heading);
  const mutated = text.slice(0, start) + text.slice(text.indexOf('#### a.', start));
  const [f, ...rest] = missing(mutated);
  assert.equal(rest.length, 0);
  assert.match(f!.message.en, /^Missing section “1\. Tuyên truyền[^”]*”; the outline puts it under “II\./);
  assert.match(f!.message.vi, /^Thiếu mục “1\. Tuyên truyền[^”]*”; theo đề cương/);
  const edits = f!.fixes![0]!.edits;
  assert.equal(edits.length, 1);
  assert.equal(edits[0]!.offset, mutated.indexOf('#### a. Công tác thông tin, tuyên truyền'));
  assert.equal(edits[0]!.text, `${heading}\n\n`);
  const fixed = applyEdits(mutated, edits);
  assert.deepEqual(findings(fixed).map((x) => x.code), []);
});

test('a section renamed in place over the outline’s subsections is that section, reworded: a near title, not missing', () => {
  const text = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const mutated = text.replace('## III. ĐÁNH GIÁ, NHẬN XÉT', '## III. NHỮNG VẤN ĐỀ KHÁC');
  // Its subsections are the outline's III.'s: no heading goes in between it and them (nor over them).
  assert.deepEqual(missing(mutated), []);
  const near = findings(mutated).filter((x) => x.code === 'section-title');
  assert.equal(near.length, 1);
  assert.equal(near[0]!.offset, mutated.indexOf('III. NHỮNG VẤN ĐỀ KHÁC'));
  const fixed = applyEdits(mutated, near[0]!.fixes![0]!.edits);
  assert.ok(fixed.includes('## III. ĐÁNH GIÁ, NHẬN XÉT\n'));
  assert.deepEqual(findings(fixed).map((x) => `${x.line} ${x.code}`), [], 'nothing left to report');
});

test('some subsections present, one missing: only the missing one goes in with the section, and the message counts it alone', () => {
  const text = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const heading = '### 1. Tuyên truyền, vận động';
  const start = text.indexOf(heading);
  // Heading, intro, "a." and "b." gone; "c." left.
  const mutated = text.slice(0, start) + text.slice(text.indexOf('#### c.', start));
  const [f] = missing(mutated);
  assert.match(f!.message.en, /\(with 2 subsections\)/);
  const inserted = f!.fixes![0]!.edits.map((e) => e.text).join('');
  assert.deepEqual(headingLines(inserted).map((l) => l.slice(0, 8)), ['### 1. T', '#### a. ', '#### b. ']);
  assert.equal(f!.fixes![0]!.edits[0]!.offset, mutated.indexOf('#### c.', start - 10));
  const fixed = applyEdits(mutated, f!.fixes![0]!.edits);
  assert.deepEqual(headingLines(fixed), headingLines(text));
});

// ── missing-section: not inserted into a block left open at the end ─────────────────────────────

const LAST = /\n## V\. CÁC KIẾN NGHỊ, ĐỀ XUẤT\n[\s\S]*$/;
for (const [what, tail] of [
  ['a code fence', '```\nghi chú: số liệu đến 30/6\n'],
  ['a code fence (no line break at the end of the file)', '```\nghi chú'],
  ['a “~~~~” fence (a shorter “~~~” does not close it)', '~~~~\nghi chú\n~~~\n'],
  ['an HTML comment', '<!-- ghi chú: số liệu đến 30/6\n'],
  ['an HTML comment, CRLF', '<!-- ghi chú\r\n\r\ncòn tiếp\r\n'],
  ['a <pre> block', '<pre>\nghi chú\n'],
] as const) {
  test(`the missing last section goes in before ${what} left open at the end of the report, where Markdown sees it`, () => {
    const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
    let text = complete.replace(LAST, '\n') + '\n' + tail;
    if (tail.includes('\r\n')) text = text.replace(/\r?\n/g, '\r\n');
    const [f, ...rest] = missing(text);
    assert.equal(rest.length, 0);
    assert.match(f!.message.en, /“V\. CÁC KIẾN NGHỊ, ĐỀ XUẤT”/);
    const fixed = applyEdits(text, f!.fixes![0]!.edits);
    assert.deepEqual(missing(fixed), [], 'the heading is seen: the finding goes, the fix is not offered again');
    assert.ok(fixed.endsWith(tail.replace(/\r?\n/g, tail.includes('\r\n') ? '\r\n' : '\n')), 'the author’s block is kept as it was, after it');
    assert.deepEqual(headingLines(fixed), headingLines(complete));
  });
}

test('a closed fence or comment at the end is left alone: the section goes after it', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  for (const tail of ['```\nghi chú\n```\n', '<!-- ghi chú -->\n']) {
    const text = complete.replace(LAST, '\n') + '\n' + tail;
    const [f] = missing(text);
    const edit = f!.fixes![0]!.edits[0]!;
    assert.equal(edit.offset, text.length, tail);
    assert.deepEqual(missing(applyEdits(text, f!.fixes![0]!.edits)), []);
  }
});

// ── missing-section: wording (review A5, C5, C6) ────────────────────────────────────────────────

test('a section named by its title with the outline’s number: the number without its full stop inside the sentence', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const romans = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  // An extra section after I. shifts II.–V. to III.–VI.; the outline's IV. is left out.
  const lines = complete.replace(/^## II\. /m, '## II. CÔNG TÁC KHÁC\n\nNội dung.\n\n## II. ').split('\n');
  const at = lines.findIndex((l) => l.startsWith('## II. CÔNG TÁC KHÁC'));
  const shifted = lines.map((l, k) => (k > at ? l.replace(/^## ([IVX]+)\. /, (_, r: string) => `## ${romans[romans.indexOf(r) + 1]}. `) : l)).join('\n');
  const text = shifted.replace(/^## V\. PHƯƠNG HƯỚNG[\s\S]*?(?=^## VI\. )/m, '');
  assert.notEqual(text, shifted);
  const [f, ...rest] = missing(text);
  assert.equal(rest.length, 0);
  assert.match(f!.message.en, /^Missing section “PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN 2022 - 2024” \(numbered IV in the outline\); /);
  assert.match(f!.message.vi, /^Thiếu mục “PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN 2022 - 2024” \(mục IV trong đề cương\); /);
});

test('a section renamed in place: the sentence that names it, and the Rename fix showing the number on both sides', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const renamed = complete.replace(/^### 3\. Khó khăn$/m, '### 3. Tình hình thời tiết năm 2021');
  const [f] = missing(renamed);
  assert.equal(f!.message.vi, 'Thiếu mục “3. Khó khăn”; theo đề cương, mục này đứng sau “2. Thuận lợi”. Ở đúng vị trí này đang có mục “3. Tình hình thời tiết năm 2021” cùng số thứ tự: nếu đó chính là mục này nhưng đặt tên khác, hãy sửa theo tên trong đề cương.');
  assert.equal(f!.message.en, 'Missing section “3. Khó khăn”; the outline puts it after “2. Thuận lợi”. “3. Tình hình thời tiết năm 2021” stands in its place with the same number: if it is this section under another title, use the outline’s title.');
  const rename = f!.fixes![1]!;
  assert.equal(rename.title.vi, 'Đổi tên “3. Tình hình thời tiết năm 2021” thành “3. Khó khăn”');
  assert.equal(rename.title.en, 'Rename “3. Tình hình thời tiết năm 2021” to “3. Khó khăn”');
  assert.equal(applyEdits(renamed, rename.edits), complete);
});

test('a report begun with its title alone: fix-all puts the outline’s sections below the title, numbered', async () => {
  const { check, fixAll } = await import('../../server/src/core/index.ts');
  for (const eol of ['\n', '\r\n']) {
    const text = ['# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ', '', 'Nội dung mở đầu.', ''].join(eol);
    const fixed = fixAll(text, (t) => check(t, builtinRegistry()).findings).text;
    assert.deepEqual(headingLines(fixed), ['# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ', '## I. MỤC ĐÍCH, YÊU CẦU', '## II. NỘI DUNG', '## III. TỔ CHỨC THỰC HIỆN']);
    assert.ok(fixed.startsWith(text.trimEnd()), 'the title and its words kept');
    assert.deepEqual(findings(fixed).map((f) => f.code), []);
  }
});

test('a section in the missing one’s place with its number: neither fix is preferred, fix-all leaves it and says so; the next missing section goes after the lower-numbered one', async () => {
  const { check, fixAll } = await import('../../server/src/core/index.ts');
  for (const eol of ['\n', '\r\n']) {
    const text = ['# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ', '', '## I. MỤC ĐÍCH, YÊU CẦU', '', 'Nội dung mở đầu.', '', '## II. CÁC HOẠT ĐỘNG CHÍNH', '', 'Hội nghị gồm ba phần.', ''].join(eol);
    const found = missing(text);
    const inPlace = found.find((f) => f.message.en.startsWith('Missing section “II. NỘI DUNG”'))!;
    assert.match(inPlace.message.en, /“II\. CÁC HOẠT ĐỘNG CHÍNH” stands in its place with the same number/);
    assert.deepEqual(inPlace.fixes!.map((f) => Boolean(f.preferred)), [false, false], 'insert and rename: the author chooses');
    const other = found.find((f) => f.message.en.startsWith('Missing section “V. TỔ CHỨC THỰC HIỆN”'))!;
    assert.equal(other.fixes![0]!.preferred, true);
    // In the order of the numbers: after the report's II., not between I. and II.
    assert.equal(other.fixes![0]!.edits[0]!.offset, text.length);

    const result = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings);
    assert.deepEqual(headingLines(result.text), ['# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ', '## I. MỤC ĐÍCH, YÊU CẦU', '## II. CÁC HOẠT ĐỘNG CHÍNH', '## III. TỔ CHỨC THỰC HIỆN']);
    assert.ok(result.text.startsWith(text), 'only inserted, at the end');
    assert.ok(result.text.endsWith(eol) && !result.text.replace(/\r\n/g, '').includes('\r'), 'line endings kept');
    assert.deepEqual(result.left.map((f) => f.message.en.slice(0, 31)), ['Missing section “II. NỘI DUNG”;']);
  }
});

test('the subject line typed as a heading under the title (`# BÁO CÁO` / `## Kết quả …` / `### I.`) is part of the title: the report pairs as with the line in bold', () => {
  const body = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const frontMatter = body.slice(0, body.indexOf('---\n', 4) + 4);
  const sections = body.slice(body.search(/^## I\. /m));
  const subject = 'Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Mặt trận Tổ quốc Việt Nam nhiệm kỳ 2019 - 2024';
  const deeper = (md: string) => md.replace(/^(#{1,6}) /gm, (_, h: string) => `${h}# `);
  const bold = `${frontMatter}# BÁO CÁO\n\n**${subject}**\n\n${sections}`;
  const asHeading = `${frontMatter}# BÁO CÁO\n## ${subject}\n\n${deeper(sections)}`;
  const outline = buildOutline(parseMarkdown(asHeading));
  assert.equal(outline.subtitle?.text, subject);
  assert.equal(outline.roots[0]!.heading.text, 'I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT');
  const codes = (text: string) => findings(text).map((f) => `${f.code} ${f.message.en}`);
  assert.deepEqual(codes(bold), []);
  assert.deepEqual(codes(asHeading), []);
  // One with the title of one of the outline's sections is that section (a half-written report:
  // Part One under the title, Part Two not yet).
  const six = readFixture('complete', 'bao-cao-6-thang-cong-tac-mat-tran.md');
  const partOne = six.slice(0, six.indexOf('## Phần thứ hai')).replace('## Phần thứ nhất. ', '## ');
  assert.equal(buildOutline(parseMarkdown(partOne)).subtitle?.text, 'KẾT QUẢ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2021');
  assert.deepEqual(findings(partOne).filter((f) => f.code !== 'page-limit').map((f) => f.message.en.slice(0, 40)), ['Missing section “Phần thứ hai. TRỌNG TÂM']);
  // A heading over the sections that is not right under the title is a section of the report.
  const apart = `${frontMatter}# BÁO CÁO\n\nMở đầu.\n\n## ${subject}\n\n${deeper(sections)}`;
  assert.equal(buildOutline(parseMarkdown(apart)).subtitle, undefined);
});

test('a section missing at the end goes before the closing block (recipients, signature), in a table too; typing the block in moves it as a fresh check does', async () => {
  const { check, fixAll, ParseCache } = await import('../../server/src/core/index.ts');
  const body = ['# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ', '', '## I. MỤC ĐÍCH, YÊU CẦU', '', 'Nội dung mở đầu.', '', '## II. NỘI DUNG', '', 'Hội nghị gồm ba phần.', ''];
  const closings = [
    ['Nơi nhận:', '- Thường trực Đảng ủy xã;', '- Lưu: VT.', '', 'TM. BAN THƯỜNG TRỰC', '', 'CHỦ TỊCH', '', 'Trần Thị Mai', ''],
    ['**TM. BAN THƯỜNG TRỰC**', '**KT. CHỦ TỊCH**', '', 'Nguyễn Văn An', ''],
    ['|  |  |', '|---|---|', '| **Nơi nhận:**<br>- Lưu: VT. | **TM. BAN THƯỜNG TRỰC**<br>**CHỦ TỊCH** |', ''],
    ['### Nơi nhận:', '', '- Lưu: VT.', '', '**TM. BAN THƯỜNG TRỰC**', ''],
    ['Nơi nhận:', '- Lưu: VT.', '', 'TM. BAN THƯỜNG TRỰC', '', '## PHỤ LỤC', '', '| Ấp | Số hộ |', '|---|---|', '| Tân Hòa | 120 |', ''],
    // The sentence that closes the body: with its mark “./.”, or with only the signature or the end after it.
    ['Trên đây là Kế hoạch tổ chức hội nghị của Ban Thường trực Ủy ban MTTQ xã./.', '', 'Nơi nhận:', '- Lưu: VT.', ''],
    ['*Trên đây là Kế hoạch tổ chức hội nghị của Ban Thường trực.*', '', '', '**TM. BAN THƯỜNG TRỰC**', ''],
    ['Trên đây là Kế hoạch tổ chức hội nghị của Ban Thường trực.', ''],
  ];
  // Lines of the last section's prose that begin like a closing block are prose: the section goes after them.
  body.push('Nơi nhận tiền ủng hộ: Văn phòng Ủy ban MTTQ xã.', '', 'TM. Ban Vận động Quỹ xã, Văn phòng tiếp nhận và cấp giấy chứng nhận.', '', 'Trên đây là các phần của hội nghị.', '', 'Các đơn vị chuẩn bị tham luận.', '');
  for (const eol of ['\n', '\r\n']) {
    for (const closing of closings) {
      const head = body.join(eol);
      const text = head + closing.join(eol);
      const fixed = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings, undefined, ['missing-section']).text;
      const at = fixed.indexOf('## III. TỔ CHỨC THỰC HIỆN');
      assert.ok(at >= head.length && fixed.endsWith(closing.join(eol)), `before the closing block:\n${fixed}`);
      assert.ok(fixed.startsWith(head), 'the report up to its closing block kept');
    }
  }
  // Typed in after a check, far from the old insertion point (the end): the structure memo does not
  // keep that point, the closing block now decides it.
  const head = body.join('\n');
  const tail = `${'Các đơn vị gửi báo cáo đúng thời hạn. '.repeat(12)}\n`;
  const cache = new ParseCache({ tellsEdits: true });
  check(head + tail, builtinRegistry(), {}, cache);
  const closing = 'Nơi nhận:\n- Lưu: VT.\n\nTM. BAN THƯỜNG TRỰC\n\n';
  cache.edited(head.length, 0, closing.length);
  const text = head + closing + tail;
  const insertAt = (r: ReturnType<typeof check>) => r.findings.find((f) => f.code === 'missing-section')!.data!.insertAt;
  assert.equal(insertAt(check(text, builtinRegistry(), {}, cache)), insertAt(check(text, builtinRegistry())));
  assert.equal(insertAt(check(text, builtinRegistry())), head.length);
});

test('insert-only, a missing section whose number a later sibling keeps is left to the author (no two “II.”); the quick fix inserts it and renumbers', async () => {
  const { check, fixAll } = await import('../../server/src/core/index.ts');
  const text = ['# KẾ HOẠCH TỔ CHỨC LỄ RA MẮT', '', '## I. MỤC ĐÍCH, YÊU CẦU', '', 'A.', '', '## II. THỜI GIAN, HÌNH THỨC TỔ CHỨC', '', 'B.', '', '## III. TỔ CHỨC THỰC HIỆN', '', 'C.', ''].join('\n');
  const result = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings);
  assert.equal(result.text, text, 'nothing inserted');
  assert.deepEqual(result.left.map((f) => f.message.en.slice(0, 31)), ['Missing section “II. NỘI DUNG”;']);
  const [f] = missing(text);
  const insert = f!.fixes![0]!;
  assert.equal(insert.preferred, true, 'in the editor the insertion renumbers: preferred');
  assert.deepEqual(headingLines(applyEdits(text, insert.edits)), ['# KẾ HOẠCH TỔ CHỨC LỄ RA MẮT', '## I. MỤC ĐÍCH, YÊU CẦU', '## II. NỘI DUNG', '## III. THỜI GIAN, HÌNH THỨC TỔ CHỨC', '## IV. TỔ CHỨC THỰC HIỆN']);
});

// ── missing-section: a section written under a bold label is not inserted again ─────────────────

test('sub-sections written as bold-label bullets: missing, the message says where, fix-all inserts no empty twin', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const bulleted = complete
    .replace('#### a. Công tác thông tin, tuyên truyền\n\nPhối hợp', '- **Công tác thông tin, tuyên truyền:** Phối hợp')
    .replace('#### b. Công tác tuyên truyền, vận động, đoàn kết, tập hợp lực lượng trong tổ chức Mặt trận\n\nDuy trì', '- __Công tác tuyên truyền, vận động, đoàn kết, tập hợp lực lượng trong tổ chức Mặt trận.__ Duy trì');
  assert.notEqual(bulleted, complete);
  const missing = check(bulleted, builtinRegistry()).findings.filter((f) => f.code === 'missing-section');
  assert.deepEqual(missing.map((f) => /“([^”]+)”/.exec(f.message.en)![1]), ['a. Công tác thông tin, tuyên truyền', 'b. Công tác tuyên truyền, vận động, đoàn kết, tập hợp lực lượng trong tổ chức Mặt trận']);
  for (const f of missing) {
    assert.match(f.message.en, /written under the label “Công tác/);
    assert.match(f.message.vi, /viết dưới nhãn “Công tác/);
    assert.ok(!f.fixes!.some((x) => x.preferred), 'no preferred insertion');
    assert.equal(bulleted.slice(f.related![0]!.offset, f.related![0]!.offset + f.related![0]!.length).startsWith('Công tác'), true);
  }
  const fixed = fixAll(bulleted, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings);
  assert.equal(fixed.text, bulleted, 'nothing inserted');
  assert.equal(fixed.left.filter((f) => f.code === 'missing-section').length, 2);
  // In italics, or plain before a colon in a list item, likewise.
  for (const [a, b] of [['*Công tác thông tin, tuyên truyền:* Phối hợp', '_Công tác tuyên truyền, vận động, đoàn kết, tập hợp lực lượng trong tổ chức Mặt trận_. Duy trì'], ['- Công tác thông tin, tuyên truyền: Phối hợp', '+ Công tác tuyên truyền, vận động, đoàn kết, tập hợp lực lượng trong tổ chức Mặt trận: Duy trì']]) {
    const other = complete.replace('#### a. Công tác thông tin, tuyên truyền\n\nPhối hợp', a!).replace('#### b. Công tác tuyên truyền, vận động, đoàn kết, tập hợp lực lượng trong tổ chức Mặt trận\n\nDuy trì', b!);
    const said = check(other, builtinRegistry()).findings.filter((f) => f.code === 'missing-section');
    assert.equal(said.length, 2);
    for (const f of said) assert.match(f.message.en, /written under the label “Công tác/, a);
    assert.equal(fixAll(other, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings).text, other);
  }
  // A bold label with other words, or one outside the section's place, is no such section: the insertion stands.
  const elsewhere = complete.replace('#### a. Công tác thông tin, tuyên truyền\n\nPhối hợp', 'Phối hợp').replace('## II.', '- **Công tác thông tin, tuyên truyền:** ở mục khác.\n\n## II.');
  const far = check(elsewhere, builtinRegistry()).findings.filter((f) => f.code === 'missing-section');
  assert.equal(far.length, 1);
  assert.ok(far[0]!.fixes![0]!.preferred);
  assert.ok(!far[0]!.message.en.includes('bold label'));
});

// ── missing-section: two sections of the outline merged into one ───────────────────────────────

test('a section that merges the missing one with its neighbour (“2. Thuận lợi, khó khăn”) has it: not missing; typing the words out makes it missing again', async () => {
  const { ParseCache } = await import('../../server/src/core/index.ts');
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const merged = complete.replace(/### 2\. Thuận lợi\n\n([^\n]*)\n\n### 3\. Khó khăn\n\n/, '### 2. Thuận lợi, khó khăn\n\n$1\n\n');
  assert.notEqual(merged, complete);
  assert.deepEqual(missing(merged), []);
  // Either way round, and with other words between.
  assert.deepEqual(missing(merged.replace('### 2. Thuận lợi, khó khăn', '### 2. Những khó khăn và thuận lợi trong triển khai')), []);
  // Only one of the two: the other is missing.
  const onlyOne = merged.replace('### 2. Thuận lợi, khó khăn', '### 2. Thuận lợi');
  assert.deepEqual(missing(onlyOne).map((f) => /“([^”]+)”/.exec(f.message.en)![1]), ['3. Khó khăn']);
  // As an edit after a check: the structure memo does not keep the old answer.
  const cache = new ParseCache({ tellsEdits: true });
  check(merged, builtinRegistry(), {}, cache);
  const at = merged.indexOf(', khó khăn');
  cache.edited(at, ', khó khăn'.length, 0);
  const incremental = check(onlyOne, builtinRegistry(), {}, cache).findings.filter((f) => f.code === 'missing-section');
  assert.deepEqual(incremental.map((f) => f.message.en), missing(onlyOne).map((f) => f.message.en));
});

test('merges worded otherwise (QA s13 8a, 8b, 8e): words in any order, joining words added or dropped, three sections in one; no “did you mean” that takes the merged words out; one alone still misses the other', () => {
  const giuaNk = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const kiemDiem = readFixture('complete', 'kiem-diem-tap-the-ban-thuong-truc.md');
  const merge = (text: string, pattern: RegExp, title: string) => {
    const out = text.replace(pattern, `${title}\n\n$1\n\n`);
    assert.notEqual(out, text, title);
    return out;
  };
  const titles = (text: string, code: string) => findings(text).filter((f) => f.code === code).map((f) => /“([^”]+)”/.exec(f.message.en)![1]);
  // 8a: the outline's “1. Về ưu điểm, nguyên nhân” and “2. Về hạn chế, nguyên nhân”.
  const a = merge(giuaNk, /### 1\. Về ưu điểm, nguyên nhân\n\n([^\n]*)\n\n### 2\. Về hạn chế, nguyên nhân\n\n/, '### 1. Về ưu điểm, hạn chế và nguyên nhân');
  assert.deepEqual([...titles(a, 'missing-section'), ...titles(a, 'section-title')], []);
  // 8e: “Hạn chế, khuyết điểm” and “Nguyên nhân của hạn chế, khuyết điểm” (“của” dropped).
  const e = merge(kiemDiem, /## 1\. Hạn chế, khuyết điểm\n\n([^\n]*)\n\n## 2\. Nguyên nhân của hạn chế, khuyết điểm\n\n/, '## 1. Hạn chế, khuyết điểm và nguyên nhân');
  assert.deepEqual(titles(e, 'missing-section'), []);
  // 8b: three in one.
  const b = merge(giuaNk, /### 1\. Công tác triển khai\n\n([^\n]*)\n\n### 2\. Thuận lợi\n\n[^\n]*\n\n### 3\. Khó khăn\n\n/, '### 1. Công tác triển khai; thuận lợi, khó khăn');
  assert.deepEqual(titles(b, 'missing-section'), []);
  // Still missing: a title with only its own words, or whose words name the missing one without merging it.
  assert.deepEqual(titles(a.replace('1. Về ưu điểm, hạn chế và nguyên nhân', '1. Về ưu điểm, nguyên nhân'), 'missing-section'), ['2. Về hạn chế, nguyên nhân']);
  assert.deepEqual(titles(b.replace('1. Công tác triển khai; thuận lợi, khó khăn', '1. Công tác triển khai; thuận lợi'), 'missing-section'), ['3. Khó khăn']);
  const onlyCause = kiemDiem.replace(/## 1\. Hạn chế, khuyết điểm\n\n[^\n]*\n\n/, '');
  assert.deepEqual(titles(onlyCause, 'missing-section'), ['1. Hạn chế, khuyết điểm']);
  // QA s15: a neighbour whose title only mentions the missing one's words merges nothing — the
  // words must start a part of it (after a comma, “và”, a dash), not run on from other words.
  const sauThang = readFixture('complete', 'bao-cao-6-thang-cong-tac-mat-tran.md');
  const proposals = sauThang.replace(/#### 6\.2\. Hạn chế, yếu kém\n\n[^\n]*\n\n#### 6\.3\. Các kiến nghị, đề xuất/, '#### 6.2. Kiến nghị, đề xuất khắc phục hạn chế, yếu kém');
  assert.notEqual(proposals, sauThang);
  assert.equal(titles(proposals, 'missing-section').length, 1);
  const duty = kiemDiem.replace(/# V\. Trách nhiệm của tập thể, cá nhân\n\n[\s\S]*?# VI\. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm/, '# V. Phương hướng, biện pháp nâng cao trách nhiệm của tập thể, cá nhân, khắc phục hạn chế, khuyết điểm');
  assert.notEqual(duty, kiemDiem);
  assert.equal(titles(duty, 'missing-section').length, 1);
});
