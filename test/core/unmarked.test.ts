import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, fixAll, ParseCache } from '../../server/src/core/index.ts';
import { builtinRegistry, findings, readFixture, STRUCTURAL, summary } from '../helpers.ts';

const unmarked = (text: string, options = {}) => findings(text, options).filter((f) => f.code === 'heading-not-marked');

test('a report pasted from Word (no # at all) has each title found and is still checked against its outline', () => {
  const seed = readFixture('seeds', '000-so-ket-giua-nhiem-ky-2019-2024.md');
  const plain = seed.replace(/^#+ /gm, '');
  const got = findings(plain);
  const titles = seed.split('\n').filter((l) => /^#+ /.test(l)).length;
  assert.equal(got.filter((f) => f.code === 'heading-not-marked').length, titles);
  assert.deepEqual(got.filter((f) => STRUCTURAL.has(f.code)), [], 'matched against the template as if marked');
  // The fix makes each line a heading at the depth its numbering implies: the original markers.
  const fixed = got.filter((f) => f.code === 'heading-not-marked').reverse()
    .reduce((t, f) => t.slice(0, f.fixes![0]!.edits[0]!.offset) + f.fixes![0]!.edits[0]!.text + t.slice(f.fixes![0]!.edits[0]!.offset), plain);
  assert.equal(fixed, seed);
});

test('titles typed as paragraphs among real headings: Roman, Phần and bold lines', () => {
  const text = '# BÁO CÁO\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\nII. THỜI GIAN, PHƯƠNG THỨC TỔ CHỨC SƠ KẾT\n\nNội dung.\n\n**1. Công tác tuyên truyền**\n\nNội dung.\n';
  assert.deepEqual(unmarked(text).map((f) => [f.line, f.fixes![0]!.edits[0]!.text]), [[6, '## '], [10, '### ']]);
});

test('numbered prose is not a title', () => {
  const text = [
    '# KẾ HOẠCH', '', '## I. ĐỐI TƯỢNG', '',
    '1. Đối tượng: Ủy ban MTTQ Việt Nam cấp xã, cấp huyện và cấp tỉnh.', '',
    '2. Đánh giá việc hướng dẫn, chỉ đạo và tổ chức thực hiện Nghị quyết trong 03 năm qua. Phân tích kết quả.', '',
    '1. Tuyên truyền', '2. Vận động', '',
    'a. Hình thức tổ chức: Tùy theo tình hình, các đơn vị chọn hình thức phù hợp.', '',
  ].join('\n');
  assert.deepEqual(unmarked(text), []);
});

test('a title of the outline is found even on a line that goes on from unfinished prose; another numbered line there is prose', () => {
  const text = [
    '---', 'decuong: ke-hoach', '---', '# KẾ HOẠCH TỔ CHỨC GIẢI BÓNG ĐÁ', '', '## I. MỤC ĐÍCH, YÊU CẦU', '',
    // Pasted: the line before the title has no full stop, so nothing says a paragraph ended there.
    'Tạo sân chơi lành mạnh cho thanh niên', 'II. NỘI DUNG', 'Thi đấu vòng tròn giữa 6 đội của 6 ấp.', '',
    '## V. TỔ CHỨC THỰC HIỆN', '', 'Đoàn Thanh niên xã chủ trì, phối hợp với', '2. Các Ban công tác Mặt trận ấp', '',
  ].join('\n');
  const got = findings(text);
  assert.deepEqual(unmarked(text).map((f) => [f.line, f.fixes![0]!.edits[0]!.text]), [[8, '## ']]);
  assert.deepEqual(got.filter((f) => f.code === 'missing-section'), [], 'the title is not missing (so fix-all does not insert it twice)');
});

test('a near title of the outline typed as a paragraph is found among real headings (fix-all then marks it, not inserts the outline’s title)', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const heading = /^### 4\. Tăng cường đoàn kết quốc tế, hoạt động đối ngoại nhân dân$/m;
  assert.match(complete, heading);
  // A word added, and the `###` lost: the line is a list item "4." of section 3 to Markdown.
  const text = complete.replace(heading, '4. Tăng cường đoàn kết quốc tế, mở rộng hoạt động đối ngoại nhân dân');
  const got = findings(text);
  assert.deepEqual(got.filter((f) => f.code === 'missing-section'), [], summary(got).join('\n'));
  assert.deepEqual(unmarked(text).map((f) => f.fixes![0]!.edits[0]!.text), ['### ']);
  assert.equal(got.filter((f) => f.code === 'section-title').length, 1, 'and the title is offered the outline’s words');
  const fixed = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings).text;
  assert.equal(fixed, text.replace('\n4. Tăng cường', '\n### 4. Tăng cường'));
});

test('pasted with decimal subsections and lettered sections: fix-all gives the report its headings back, at their depths', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  // A decimal subsection of the author's own under "1. Công tác triển khai" (the outline has none).
  const source = complete.replace(/^(### 1\. Công tác triển khai\n\n.*\n)/m, '$1\n#### 1.1. Quán triệt tại các chi bộ\n\nTổ chức 9 hội nghị quán triệt tại chi bộ thôn.\n');
  assert.notEqual(source, complete);
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const pasted = body.replace(/^#+ /gm, '').replace(/\n\n+/g, '\n');
  const first = findings(pasted);
  assert.equal(first.filter((f) => f.code === 'heading-not-marked').length, body.split('\n').filter((l) => /^#{2,} /.test(l)).length, 'every title is found on the pasted text');
  const cache = new ParseCache();
  const fixed = fixAll(pasted, (t) => check(t, builtinRegistry(), { insertOnly: true }, cache).findings).text;
  const headingsOf = (t: string) => t.split('\n').filter((l) => /^#+ [\dIVX]/.test(l));
  // Each numbered heading at its depth relative to the top sections (the report's title stays a paragraph).
  const relative = (hs: string[]) => hs.map((h) => h.replace(/^(#+)/, (m) => String(m.length - /^#+/.exec(hs[0]!)![0].length)));
  assert.deepEqual(relative(headingsOf(fixed)), relative(headingsOf(body)));
  assert.deepEqual(summary(findings(fixed)), []);
});

test('a line with the words of an outline title but another numbering takes its depth from its numbering, not the outline', () => {
  // "2. Nội dung" has the words of the outline's "II. NỘI DUNG" but is a subsection of "II.".
  const text = '---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\n## II. ĐỐI TƯỢNG, NỘI DUNG\n\n1. Đối tượng: Ủy ban MTTQ các cấp.\n\n2. Nội dung\n\nĐánh giá kết quả.\n\n## V. TỔ CHỨC THỰC HIỆN\n\nVăn bản.\n';
  assert.deepEqual(unmarked(text).map((f) => [f.line, f.fixes![0]!.edits[0]!.text]), [[13, '### ']]);
});

test('a part title right after a report title wrapped without a full stop is found: no section missing', () => {
  const report = readFixture('complete', 'bao-cao-6-thang-cong-tac-mat-tran.md');
  const [front, body] = [report.match(/^---\n[\s\S]*?\n---\n/)![0], report.replace(/^---\n[\s\S]*?\n---\n/, '')];
  // Pasted from Word: the title on two lines (no full stop), "Phần thứ nhất" on a line of its own.
  const pasted = body
    .replace(/^# .*\n/, 'BÁO CÁO\nKết quả công tác Mặt trận 6 tháng đầu năm,\nnhiệm vụ trọng tâm công tác 6 tháng cuối năm 2021\n')
    .replace(/^## Phần thứ nhất\. /m, 'Phần thứ nhất\n')
    .replace(/^#+ /gm, '').replace(/\n\n+/g, '\n');
  const got = findings(front + pasted);
  assert.deepEqual(summary(got.filter((f) => STRUCTURAL.has(f.code) || f.code === 'numbering')), []);
  const part = (front + pasted).split('\n').indexOf('Phần thứ nhất');
  assert.ok(got.some((f) => f.code === 'heading-not-marked' && f.line === part), `“Phần thứ nhất” (line ${part}) is a title`);
});

test('a report whose only heading is its title: the titles found go under it', () => {
  const text = '---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH TỔNG KẾT CUỘC VẬN ĐỘNG\nThực hiện hướng dẫn của huyện, xã xây dựng kế hoạch như sau.\nI. MỤC ĐÍCH, YÊU CẦU\nĐánh giá kết quả.\nII. NỘI DUNG\nĐánh giá công tác tuyên truyền.\n';
  assert.deepEqual(unmarked(text).map((f) => [f.line, f.fixes![0]!.edits[0]!.text]), [[5, '## '], [7, '## ']]);
  const cache = new ParseCache();
  const out = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }, cache).findings);
  assert.match(out.text, /^## I\. MỤC ĐÍCH, YÊU CẦU$/m);
  assert.match(out.text, /^## II\. NỘI DUNG$/m);
});

test('fix-all marks every title the check reported in a pasted report, numbered subtitles the outline does not name included', () => {
  // Titles found because the report has no headings yet: marking I- first must not lose 1-, a-.
  const text = '---\ndecuong: ke-hoach\n---\nKẾ HOẠCH\nTổ chức Ngày hội Đại đoàn kết năm 2024\nI- MỤC ĐÍCH, YÊU CẦU\n1- Mục đích\nPhát huy truyền thống đoàn kết.\n2- Yêu cầu\nTổ chức thiết thực.\nII- NỘI DUNG\na- Phần lễ\nDiễn văn kỷ niệm.\nb- Phần hội\nVăn nghệ, thể thao.\nIII- TỔ CHỨC THỰC HIỆN\nBan Công tác Mặt trận chủ trì.\n';
  const reported = unmarked(text).map((f) => f.line);
  assert.equal(reported.length, 7);
  const cache = new ParseCache();
  const out = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }, cache).findings);
  const marked = out.text.split('\n').filter((l) => /^#+ /.test(l)).map((l) => l.replace(/^#+ /, ''));
  assert.deepEqual(marked, ['I- MỤC ĐÍCH, YÊU CẦU', '1- Mục đích', '2- Yêu cầu', 'II- NỘI DUNG', 'a- Phần lễ', 'b- Phần hội', 'III- TỔ CHỨC THỰC HIỆN']);
  // No level skipped: "a-" right under "II-" (no "1-" between) is one level below it.
  const depths = out.text.split('\n').filter((l) => /^#+ /.test(l)).map((l) => /^#+/.exec(l)![0].length);
  assert.deepEqual(depths, [1, 2, 2, 1, 2, 2, 1]);
});

test('titles bold and italic as pandoc writes them (***a) …***, **_a) …_**, ***a)*** …) are titles, not missing sections', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const styles = [(t: string) => `***${t}***`, (t: string) => `**_${t}_**`, (t: string) => t.replace(/^([a-zđ]\))/, '***$1***')];
  let k = 0;
  // Every lettered subsection typed as an emphasised paragraph ("a)" as pandoc users number), the three ways in turn.
  const text = complete.replace(/^#+ ([a-zđ])\. (.*)$/gm, (_, letter: string, title: string) => styles[k++ % 3]!(`${letter}) ${title}`));
  assert.ok(k >= 6, `${k} lettered titles`);
  const got = findings(text);
  assert.deepEqual(summary(got.filter((f) => STRUCTURAL.has(f.code))), []);
  assert.equal(got.filter((f) => f.code === 'heading-not-marked').length, k);
});
