import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, createRegistry, fixAll, ParseCache } from '../../server/src/core/index.ts';
import { builtinRegistry, builtinSources, findings, readFixture } from '../helpers.ts';

const unmarked = (text: string, options = {}) => findings(text, options).filter((f) => f.code === 'heading-not-marked');
/** [line, marker the fix puts in front] of each title found. */
const marks = (text: string) => unmarked(text).map((f) => [f.line, f.fixes![0]!.edits[0]!.text]);
const runFixAll = (text: string) => {
  const cache = new ParseCache();
  return fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }, cache).findings).text;
};
const headingLines = (text: string) => text.split(/\r?\n/).filter((l) => /^#{1,6} /.test(l));

// ── heading-not-marked: depths from the numbering hierarchy ─────────────────────────────────────

test('QA repro: “I.” and “1.” pasted as lines above an already marked “#### a.”: “##” and “###”, not deeper than their children', () => {
  const text = [
    '---', 'decuong: so-ket-giua-nhiem-ky-2019-2024', 'cap: xa', '---',
    '# BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI MTTQ VIỆT NAM XÃ TÂN THANH, NHIỆM KỲ 2019 - 2024', '',
    'I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT', '',
    '1. Công tác triển khai', '', 'Tổ chức 12 cuộc quán triệt với 1.046 lượt người dự.', '',
    '2. Thuận lợi', '', 'Được Đảng ủy quan tâm lãnh đạo.', '',
    '3. Khó khăn', '', 'Kinh phí hoạt động ở thôn còn hạn hẹp.', '',
    'II. KẾT QUẢ 03 NĂM THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2019 - 2024', '',
    '1. Tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân; củng cố, tăng cường, phát huy sức mạnh đại đoàn kết toàn dân tộc', '',
    '#### a. Công tác thông tin, tuyên truyền', '', 'Phối hợp tổ chức 86 buổi tuyên truyền.', '',
    '#### b. Công tác tuyên truyền, vận động, đoàn kết, tập hợp lực lượng trong tổ chức Mặt trận', '', 'Duy trì gặp mặt chức sắc 2 giáo xứ.', '',
  ].join('\n');
  assert.deepEqual(marks(text), [[6, '## '], [8, '### '], [12, '### '], [16, '### '], [20, '## '], [22, '### ']]);
  // Fix-all then leaves the author's structure: no level or order findings on the marked a./b.
  const fixed = runFixAll(text);
  const after = findings(fixed).filter((f) => f.code === 'section-level' || f.code === 'section-order');
  assert.deepEqual(after.map((f) => f.message.en), []);
  assert.deepEqual(headingLines(fixed).slice(0, 8).map((l) => /^#+/.exec(l)![0]), ['#', '##', '###', '###', '###', '##', '###', '####']);
});

test('with no outline either: an unknown rank above a marked one is as many levels up as the ranks found between them', () => {
  const text = '# GHI CHÉP CÔNG VIỆC\n\nI. VIỆC CHUNG TRONG THÁNG\n\n**1. Việc ở cơ quan**\n\n#### a. Họp giao ban\n\nNội dung.\n\n#### b. Tiếp dân\n\nNội dung.\n\nII. VIỆC RIÊNG TRONG THÁNG\n\nNội dung.\n';
  assert.deepEqual(marks(text), [[2, '## '], [4, '### '], [14, '## ']]);
});

test('and below a marked rank: letters under pasted “1.” under a marked “## I.” go one level further each', () => {
  const text = '# GHI CHÉP CÔNG VIỆC\n\n## I. VIỆC CHUNG\n\n**1. Việc ở cơ quan**\n\n**a) Họp giao ban**\n\nNội dung.\n';
  assert.deepEqual(marks(text), [[4, '### '], [6, '#### ']]);
});

test('the complete reports with their titles unmarked but their subsections marked: each title goes back at its own depth', () => {
  for (const id of ['so-ket-giua-nhiem-ky-2019-2024', 'bao-cao-6-thang-cong-tac-mat-tran']) {
    const text = readFixture('complete', `${id}.md`);
    // Every heading but the deepest ones made a plain line.
    const deepest = Math.max(...headingLines(text).map((l) => /^#+/.exec(l)![0].length));
    const plain = text.replace(/^(#{2,6}) /gm, (m, h: string) => (h.length < deepest ? '' : m));
    assert.notEqual(plain, text);
    const fixed = unmarked(plain).reverse().reduce((t, f) => t.slice(0, f.fixes![0]!.edits[0]!.offset) + f.fixes![0]!.edits[0]!.text + t.slice(f.fixes![0]!.edits[0]!.offset), plain);
    assert.deepEqual(headingLines(fixed), headingLines(text), id);
  }
});

// ── heading-not-marked: prose and list items that begin with an outline title ───────────────────

/** The built-ins and one workspace template (as the QA reproducers have them). */
const withTemplate = (template: string) => createRegistry([...builtinSources(), { path: '/ws/.decuong/templates/t.md', text: template, builtin: false }]);
const codesIn = (text: string, registry: ReturnType<typeof withTemplate>) => findings(text, {}, registry).filter((f) => f.code === 'heading-not-marked');
const fixAllWith = (text: string, registry: ReturnType<typeof withTemplate>) => {
  const cache = new ParseCache();
  return fixAll(text, (t) => check(t, registry, { insertOnly: true }, cache).findings).text;
};

const THANG_THANH_NIEN = [
  '---', 'id: ke-hoach-thang-thanh-nien', 'title: Kế hoạch tổ chức Tháng Thanh niên năm 2026', 'match: [tháng thanh niên]', '---',
  '# I. MỤC ĐÍCH, YÊU CẦU', '## 1. Mục đích', 'Tạo đợt sinh hoạt chính trị sâu rộng trong đoàn viên, thanh niên.', '## 2. Yêu cầu',
  '# II. NỘI DUNG, CHỈ TIÊU', '## 1. Các hoạt động trọng tâm', '### a) Tổ chức Lễ ra quân Tháng Thanh niên', '### b) Hoạt động tình nguyện vì cộng đồng',
  '### c) Ngày Chủ nhật xanh', '## 2. Chỉ tiêu', '# III. KINH PHÍ (nếu có)', '# IV. TỔ CHỨC THỰC HIỆN', '',
].join('\n');

test('QA repro: “1. Mục đích: <two sentences>” — an outline title run in with its content is prose, and fix-all does not make it a heading', () => {
  const registry = withTemplate(THANG_THANH_NIEN);
  const text = [
    '---', 'decuong: ke-hoach-thang-thanh-nien', '---', '# KẾ HOẠCH TỔ CHỨC THÁNG THANH NIÊN NĂM 2026', '', '## I. MỤC ĐÍCH, YÊU CẦU', '',
    '1. Mục đích: Tạo đợt sinh hoạt chính trị sâu rộng trong đoàn viên, thanh niên. Phát huy vai trò xung kích của tuổi trẻ trong xây dựng phường văn minh, giàu đẹp.', '',
    '2. Yêu cầu: Các hoạt động phải thiết thực, hiệu quả, tránh hình thức.', '',
    '## II. NỘI DUNG, CHỈ TIÊU', '', '### 1. Các hoạt động trọng tâm', '',
    'a) Tổ chức Lễ ra quân Tháng Thanh niên: thời gian ngày 01/3/2026, tại sân UBND phường.', '',
    '#### b) Hoạt động tình nguyện vì cộng đồng', '', '#### c) Ngày Chủ nhật xanh', '', '### 2. Chỉ tiêu', '', '100% chi đoàn tham gia.', '',
    '## IV. TỔ CHỨC THỰC HIỆN', '', 'Giao Ban Thường vụ Đoàn phường triển khai.', '',
  ].join('\n');
  assert.deepEqual(codesIn(text, registry).map((f) => f.line), []);
  const fixed = fixAllWith(text, registry);
  assert.doesNotMatch(fixed, /^#+ 1\. Mục đích:/m);
  assert.doesNotMatch(fixed, /^#+ 2\. Yêu cầu:/m);
  assert.doesNotMatch(fixed, /^#+ a\) Tổ chức Lễ ra quân Tháng Thanh niên:/m);
  // The prose itself is kept, word for word.
  for (const line of text.split('\n').filter((l) => /^(1\.|2\.|a\)) /.test(l))) assert.ok(fixed.includes(`\n${line}\n`), line);
  // The same titles pasted alone are still found.
  const titles = text.replace(/^(1\. Mục đích|2\. Yêu cầu|a\) Tổ chức Lễ ra quân Tháng Thanh niên):.*$/gm, '$1');
  assert.deepEqual(codesIn(titles, registry).map((f) => [f.line, f.fixes![0]!.edits[0]!.text]), [[7, '### '], [9, '### '], [15, '#### ']]);
});

const HOI_PHU_NU = [
  '---', 'id: tong-ket-cong-tac-hoi-phu-nu', 'title: Đề cương báo cáo tổng kết công tác Hội và phong trào phụ nữ năm 2025', 'match: [tổng kết công tác hội]', '---',
  '# ĐỀ CƯƠNG BÁO CÁO TỔNG KẾT CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ NĂM 2025', '',
  '## Phần thứ nhất. KẾT QUẢ CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ NĂM 2025', '### I. ĐẶC ĐIỂM TÌNH HÌNH', '### II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM',
  '#### 1. Công tác tuyên truyền, giáo dục', '#### 2. Hỗ trợ phụ nữ phát triển kinh tế', '### III. ĐÁNH GIÁ CHUNG', '#### 1. Ưu điểm', '#### 2. Hạn chế, nguyên nhân',
  '## Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026', '### I. MỤC TIÊU, CHỈ TIÊU', '### II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM', '',
].join('\n');

const hoiPhuNu = (list: string[]) => [
  '---', 'decuong: tong-ket-cong-tac-hoi-phu-nu', '---', '# BÁO CÁO', '**Tổng kết công tác Hội và phong trào phụ nữ năm 2025**', '',
  '## Phần thứ nhất. KẾT QUẢ CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ NĂM 2025', '', '### I. ĐẶC ĐIỂM TÌNH HÌNH', '', 'Xã có 12 thôn.', '',
  '### II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM', '', '#### 1. Công tác tuyên truyền, giáo dục', '', 'Hội đã tổ chức 48 buổi tuyên truyền.', '',
  '#### 2. Hỗ trợ phụ nữ phát triển kinh tế', '', 'Tổng dư nợ ủy thác là 25,6 tỷ đồng.', '',
  '### III. ĐÁNH GIÁ CHUNG', '', '#### 1. Ưu điểm', '', 'Các chỉ tiêu cơ bản đều đạt.', '', '#### 2. Hạn chế, nguyên nhân', '', 'Một số chi hội sinh hoạt chưa đều.', '',
  '## Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026', '', '### I. MỤC TIÊU, CHỈ TIÊU', '', 'Kết nạp mới 80 hội viên.', '',
  '### II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM', '', 'Tiếp tục đổi mới nội dung, phương thức hoạt động của Hội, cụ thể:', '', ...list, '',
].join('\n');

test('QA repro (case 2): a list in a correct report whose items begin with titles of another part: no heading-not-marked, fix-all changes nothing', () => {
  const registry = withTemplate(HOI_PHU_NU);
  const text = hoiPhuNu([
    '1. Công tác tuyên truyền, giáo dục: đa dạng hóa hình thức tuyên truyền trên mạng xã hội.',
    '2. Hỗ trợ phụ nữ phát triển kinh tế: phối hợp Ngân hàng CSXH giải ngân đúng đối tượng.',
  ]);
  assert.deepEqual(findings(text, {}, registry).map((f) => `${f.line} ${f.code}`), []);
  assert.equal(fixAllWith(text, registry), text);
});

test('a list of bare outline titles under a section of the outline that is not their parent: list items, not titles', () => {
  const registry = withTemplate(HOI_PHU_NU);
  const text = hoiPhuNu(['1. Công tác tuyên truyền, giáo dục', '2. Hỗ trợ phụ nữ phát triển kinh tế']);
  assert.deepEqual(codesIn(text, registry), []);
  assert.equal(fixAllWith(text, registry), text);
});

test('the same titles typed as a list under their own parent are still titles', () => {
  const registry = withTemplate(HOI_PHU_NU);
  const text = hoiPhuNu([])
    .replace('#### 1. Công tác tuyên truyền, giáo dục\n\nHội đã tổ chức 48 buổi tuyên truyền.\n\n#### 2. Hỗ trợ phụ nữ phát triển kinh tế\n\nTổng dư nợ ủy thác là 25,6 tỷ đồng.\n\n',
      '1. Công tác tuyên truyền, giáo dục\n2. Hỗ trợ phụ nữ phát triển kinh tế\n\n');
  assert.deepEqual(codesIn(text, registry).map((f) => f.fixes![0]!.edits[0]!.text), ['#### ', '#### ']);
});

test('a list pasted under a title: a sentence among its items makes them all items, the short one too (no heading “1.” over a list item “2.”)', () => {
  const text = [
    'KẾ HOẠCH', 'Tổ chức các hoạt động chăm lo Tết Nguyên đán Ất Tỵ năm 2025',
    'I. MỤC ĐÍCH, YÊU CẦU', 'Chăm lo cho hộ nghèo, hộ cận nghèo, gia đình chính sách có hoàn cảnh khó khăn để mọi người, mọi nhà đều được đón Tết.',
    'II. NỘI DUNG', '1. Vận động các doanh nghiệp, nhà hảo tâm ủng hộ quà Tết.', '2. Trao 250 phần quà cho hộ nghèo, hộ cận nghèo, mỗi phần trị giá 500.000 đồng.',
    'III. TỔ CHỨC THỰC HIỆN', 'Văn phòng Ủy ban MTTQ xã lập danh sách, trao quà trước ngày 25/01/2025.', '',
  ].join('\n');
  const marked = findings(text).filter((f) => f.code === 'heading-not-marked').map((f) => f.message.en.slice(1, f.message.en.indexOf('”')));
  assert.deepEqual(marked, ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN']);
});

test('an item of a list, a sentence that only begins with an outline title (“2. Khen thưởng … xuất sắc.”), is not that section’s title', () => {
  const plan = (item: string) => ['KẾ HOẠCH', 'Tổ chức Hội nghị tổng kết công tác Mặt trận năm 2024', 'I. MỤC ĐÍCH, YÊU CẦU', '1. Đánh giá kết quả công tác Mặt trận năm 2024, chỉ rõ những ưu điểm, hạn chế và nguyên nhân, rút ra bài học kinh nghiệm cho năm 2025.', item, '3. Hội nghị tổ chức trang trọng, tiết kiệm.', 'II. NỘI DUNG', '- Báo cáo tổng kết.', 'III. TỔ CHỨC THỰC HIỆN', 'Văn phòng chuẩn bị.', ''].join('\n');
  const marked = (text: string) => unmarked(text).map((f) => /“([^”]+)”/.exec(f.message.en)![1]);
  assert.deepEqual(marked(plan('2. Khen thưởng các tập thể, cá nhân có thành tích xuất sắc.')), ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN']);
  // The outline's title itself, or a title that elaborates it without a full stop, is still one.
  assert.ok(marked(plan('IV. KHEN THƯỞNG')).includes('IV. KHEN THƯỞNG'));
});

test('pasted from Word with a tab before each paragraph: fixing the report (the fix-report command: fix-all with whitespace) marks the titles and takes the tab away, so that no paragraph becomes code', async () => {
  const { FIX_ALL_CODES } = await import('../../server/src/core/index.ts');
  const text = ['BÁO CÁO', 'Sơ kết 5 năm thực hiện Cuộc vận động', 'I. KẾT QUẢ', '1. Công tác tham mưu cấp ủy lãnh đạo thực hiện Cuộc vận động', '\tBan Thường trực tham mưu Đảng ủy xã ban hành kế hoạch thực hiện.', '2. Công tác phối hợp với chính quyền', '\tPhối hợp UBND xã tổ chức 5 hội nghị sơ kết.', 'II. PHƯƠNG HƯỚNG', '\tTiếp tục vận động Nhân dân.', ''].join('\n');
  const fixed = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings, undefined, [...FIX_ALL_CODES, 'indented-code'], { whitespace: true }).text;
  assert.deepEqual(findings(fixed).filter((f) => f.code === 'indented-code' || f.code === 'heading-not-marked'), []);
  assert.match(fixed, /^## 1\. Công tác tham mưu[^\n]*\n\nBan Thường trực tham mưu/m);
  // Only markers and line breaks added (and the outline's missing sections after the author's text),
  // only the tabs taken away: every word of the author's kept in order.
  assert.ok(fixed.replace(/^#+ /gm, '').replace(/\s+/g, ' ').startsWith(text.replace(/\s+/g, ' ').trim()));
});

test('a whole line in bold with a colon in its title (“**1. Chương trình thứ nhất: Công tác tuyên truyền …**”) is a title, not a label and its content', () => {
  const report = (programme: string) => ['**BÁO CÁO**', '', '**Kết quả công tác Mặt trận 6 tháng đầu năm, nhiệm vụ trọng tâm công tác 6 tháng cuối năm 2025**', '', '**Phần thứ nhất. KẾT QUẢ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2025**', '', programme, '', 'Tổ chức 40 buổi tuyên truyền.', ''].join('\n');
  const marked = (text: string) => unmarked(text).map((f) => /“([^”]+)”/.exec(f.message.en)![1]);
  assert.ok(marked(report('**1. Chương trình thứ nhất: Công tác tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân**')).includes('1. Chương trình thứ nhất: Công tác tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân'));
  // Not bold, or a sentence: a label and its content, as before.
  assert.ok(!marked(report('1. Chương trình thứ nhất: Công tác tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân được đẩy mạnh.')).some((t) => t.startsWith('1. Chương trình')));
  assert.ok(!marked(report('**1. Chương trình thứ nhất: Công tác tuyên truyền được đẩy mạnh, đạt kết quả tốt.**')).some((t) => t.startsWith('1. Chương trình')));
});

test('QA s13 l1: an agenda typed as a list after “Hội nghị gồm các nội dung:” is a list: “2. Khen thưởng.” is no KHEN THƯỞNG section', () => {
  const plan = (intro: string[], item: string) =>
    ['# KẾ HOẠCH', '## Tổ chức Hội nghị tổng kết công tác Mặt trận năm 2024', '', '## I. MỤC ĐÍCH, YÊU CẦU', '', 'Đánh giá kết quả công tác Mặt trận năm 2024.', '', '## II. NỘI DUNG', '', ...intro, `1. Báo cáo tổng kết năm 2024.`, item, '3. Phát động thi đua năm 2025.', '', '## III. TỔ CHỨC THỰC HIỆN', '', 'Văn phòng chuẩn bị.', ''].join('\n');
  const structural = (text: string) => findings(text).filter((f) => ['heading-not-marked', 'section-level', 'section-order', 'missing-section'].includes(f.code)).map((f) => `${f.code} ${f.line}`);
  for (const item of ['2. Khen thưởng.', '2. Khen thưởng']) {
    // Introduced by a sentence ending in a colon (a blank line between or not); or not introduced,
    // in a list under II. numbered otherwise than the outline's IV.
    assert.deepEqual(structural(plan(['Hội nghị gồm các nội dung:', ''], item)), [], item);
    assert.deepEqual(structural(plan(['Hội nghị gồm các nội dung:'], item)), [], item);
    assert.deepEqual(structural(plan([], item)), [], item);
  }
  // Numbered as the outline numbers it, empty sections pasted one after another are still titles.
  const skeleton = ['# KẾ HOẠCH', '## Tổ chức Hội nghị tổng kết công tác Mặt trận năm 2024', '', '## I. MỤC ĐÍCH, YÊU CẦU', '', 'Đánh giá.', '', '## II. NỘI DUNG', '', 'Báo cáo tổng kết.', '', 'III. THỜI GIAN, HÌNH THỨC TỔ CHỨC', 'IV. KHEN THƯỞNG', 'V. TỔ CHỨC THỰC HIỆN', ''].join('\n');
  assert.deepEqual(marks(skeleton).map(([line]) => line), [11, 12, 13]);
});

test('QA s13 9a/9c: pasted from Word, a list of tasks ending as sentences, or items after a line ending in a colon, are no titles; the plan’s own titles are', () => {
  const pasted = (tasks: string[]) => [
    'KẾ HOẠCH', 'Tổ chức Hội nghị sơ kết 05 năm thực hiện Cuộc vận động', 'I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'Đánh giá kết quả 05 năm.', '2. Yêu cầu', 'Thiết thực, hiệu quả.',
    'II. NỘI DUNG', ...tasks, 'III. THỜI GIAN, HÌNH THỨC TỔ CHỨC', 'Ngày 18/12/2024, tại Hội trường.', 'IV. KHEN THƯỞNG', 'Tặng Giấy khen cho 5 tập thể.', 'V. TỔ CHỨC THỰC HIỆN',
    '1. Văn phòng chuẩn bị báo cáo, giấy mời, khánh tiết.', '2. Các tổ chức thành viên gửi báo cáo trước ngày 10/12/2024.', '',
  ].join('\n');
  const titles = (text: string) => unmarked(text).map((f) => /“([^”]+)”/.exec(f.message.en)![1]);
  const plan = ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2. Yêu cầu', 'II. NỘI DUNG', 'III. THỜI GIAN, HÌNH THỨC TỔ CHỨC', 'IV. KHEN THƯỞNG', 'V. TỔ CHỨC THỰC HIỆN'];
  assert.deepEqual(titles(pasted(['Hội nghị gồm các nội dung:', '1. Báo cáo sơ kết 05 năm', '2. Khen thưởng', '3. Phát động thi đua giai đoạn mới'])), plan);
  assert.deepEqual(titles(pasted(['Báo cáo sơ kết 05 năm thực hiện Cuộc vận động.'])), plan);
  // Introduced by a numbered line (QA s14 04): “4. Khen thưởng” of the programme is no KHEN THƯỞNG either.
  assert.deepEqual(titles(pasted(['1. Thời gian: 01 buổi sáng ngày 12/7/2024 tại Hội trường.', '2. Chương trình hội nghị:', '1. Khai mạc', '2. Báo cáo sơ kết', '3. Thảo luận', '4. Khen thưởng', '5. Bế mạc'])), plan);
});

test('QA s14: after a list introduced by a colon, the next section pasted straight after it is a section; a skeleton after “… như sau:” is titles', () => {
  // A Word paste, no blank lines: the items 1., 2. then the section “2. Thuận lợi” (its number does not follow).
  const report = wordPaste([
    'BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU MTTQ VIỆT NAM XÃ TÂN PHONG LẦN THỨ XVIII, NHIỆM KỲ 2019 - 2024',
    'I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT', '1. Công tác triển khai', 'Ban Thường trực đã triển khai các việc sau:',
    '1. Tổ chức hội nghị quán triệt Nghị quyết cho 47 Ủy viên Ủy ban;', '2. Các tổ chức thành viên quán triệt đến 100% chi hội.',
    '2. Thuận lợi', 'Được sự quan tâm lãnh đạo của Đảng ủy.', '3. Khó khăn', 'Dịch Covid-19 kéo dài.',
  ]);
  const titles = unmarked(report).map((f) => /“([^”]+)”/.exec(f.message.en)![1]);
  assert.deepEqual(titles.slice(0, 4), ['I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT', '1. Công tác triển khai', '2. Thuận lợi', '3. Khó khăn']);
  assert.ok(!findings(report).some((f) => f.code === 'missing-section' && /Thuận lợi|Khó khăn/.test(f.message.en)));
  // A plan's skeleton, its titles on consecutive lines after the intro.
  const skeleton = wordPaste([
    'KẾ HOẠCH', 'Tổ chức Hội nghị tổng kết công tác Mặt trận năm 2024', 'Ban Thường trực Ủy ban MTTQ Việt Nam xã xây dựng kế hoạch như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. THỜI GIAN, HÌNH THỨC TỔ CHỨC', 'IV. KHEN THƯỞNG', 'V. TỔ CHỨC THỰC HIỆN', 'VI. TIẾN ĐỘ THỰC HIỆN',
  ]);
  assert.deepEqual(marks(skeleton).map(([line]) => line), [3, 4, 5, 6, 7, 8]);
  assert.deepEqual(findings(skeleton).filter((f) => f.code === 'missing-section').map((f) => f.message.en), []);
});

/** Lines as pasted from Word: one per line, no blank line between. */
function wordPaste(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
