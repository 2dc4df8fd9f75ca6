import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findings, listFixtures, readFixture, ROOT } from '../helpers.ts';
import fc from 'fast-check';
import { DEFAULT_PLACEHOLDERS, findBlanks, toNfc } from '../../server/src/core/placeholders.ts';

const blanks = (text: string, options = {}) =>
  findings(text, options).filter((f) => f.code === 'placeholder').map((f) => text.slice(f.offset, f.offset + f.length));

function check(text: string, expected: string[]) {
  assert.deepEqual(blanks(text), expected, text);
}

test('blanks as staff leave them, each on exactly its range', () => {
  check('kiểm tra với.....lượt ban công tác', ['.....']);
  check('Tiến hành...cuộc giám sát, cho…ban', ['...', '…']);
  check('vận động được …………đồng và …………..', ['…………', '…………..']);
  check('(Địa danh), ngày __ tháng __ năm 2022', ['(Địa danh)', '__', '__']);
  check('Chủ trì: (họ và tên), nội dung [...] và […]', ['(họ và tên)', '[...]', '[…]']);
  check('Số: ..../BC-MTTQ', ['....']);
});

test('dates and names left blank: the date’s whole blank part, the name’s ellipsis; filled ones and document numbers are not', () => {
  check('(Địa danh), ngày … tháng … năm 2024', ['(Địa danh)', 'ngày … tháng … năm']);
  check('- Thời gian: ngày .../.../2024, tại hội trường', ['.../.../2024']);
  check('Các đơn vị gửi báo cáo trước ngày …/10/2024.', ['…/10/2024']);
  check('Hội nghị họp ngày ... tháng 10 năm 2024', ['ngày ... tháng']);
  check('Đề nghị đồng chí …, Chủ tịch Ủy ban MTTQ xã chủ trì.', ['…']);
  check('Người lập biểu\n\nNguyễn Văn …', ['…']);
  // A time, a day's month left blank.
  check('Hội nghị khai mạc lúc … giờ, ngày 15/10/2024', ['lúc … giờ']);
  check('bắt đầu lúc ... giờ ... phút; kết thúc 11 giờ … phút', ['lúc ... giờ ... phút', '11 giờ … phút']);
  check('Hạn nộp: ngày 5/…, tại Văn phòng', ['5/…']);
  // The post after the blank name.
  check('Đề nghị đồng chí … Phó Chủ tịch phụ trách; mời đ/c ... Bí thư Chi bộ', ['…', '...']);
  check('1. Đ/c … – Phó Chủ tịch, Trưởng đoàn\n2. Đồng chí ... Ủy viên Thường trực', ['…', '...']);
  for (const text of ['Số: …/KH-MTTQ-BTT', 'ngày 15 tháng 10 năm 2024', 'tỷ lệ 1/2 đạt 3/4 kế hoạch...', 'Các đoàn thể: Hội Nông dân, Hội Phụ nữ …', 'do bà Nguyễn Thị Lan …', 'hàng Việt Nam …', 'thăm các cụ ông, cụ bà …, tặng quà', 'Các ông, các bà …, các cháu', 'từ ngày 01…15/11/2024', 'giai đoạn 2021…2025', 'họp trong 2 giờ …', 'lúc 8 giờ 30 phút', 'kính mời các đồng chí … Ủy viên Ban Thường trực', 'Các đồng chí … Ủy viên']) check(text, []);
  // NFD: the range is the source's.
  const nfd = 'Hội nghị ngày … tháng … năm 2024 tại xã'.normalize('NFD');
  assert.deepEqual(blanks(nfd), ['ngày … tháng … năm'.normalize('NFD')]);
});

test('a named fill-in that trails off with an ellipsis is one blank, the parenthesis included', () => {
  check('Kính gửi: (tên cơ quan …), (tên đơn vị...) và (Tên đơn vị…)', ['(tên cơ quan …)', '(tên đơn vị...)', '(Tên đơn vị…)']);
  check('(Họ và tên …) ký (Chức vụ...)', ['(Họ và tên …)', '(Chức vụ...)']);
  // Prose that only begins like a fill-in is not one.
  check('(tên đơn vị được nêu ở trên…) và (tên cơ quan mới...)', []);
});

test('not blanks: sentence and list ellipses, numbers, URLs, code, tables, emphasis', () => {
  check('(có số liệu chứng minh…). Giá cả thị trường..., v.v... và vân vân…', []);
  check('Tổng 1.000.000 đồng, tỷ lệ 12.5%, mục 1.2.3.', []);
  check('Xem https://mttq.vn/a....b hoặc www.example.com/....x', []);
  check('Lệnh `a.....b` và\n\n```\nngày __ tháng __\n```\n', []);
  check('| a | b |\n|---|---|\n| 1 | 2 |\n', []);
  check('Đây là __in đậm__ và snake__case.', []);
});

test('a paragraph indented with a tab or four spaces (code to Markdown) still has its blanks found; fenced code has none', () => {
  check('# I. MỤC ĐÍCH\n\n\tTổ chức hội nghị tại ..... vào ngày __ tháng __\n\n    Chủ trì: (họ và tên).\n', ['.....', '__', '__', '(họ và tên)']);
  check('Đoạn.\r\n\r\n\tCó chỗ trống .....\r\n', ['.....']);
  check('```\nngày __ tháng __ tại .....\n```\n\n   ~~~\n.....\n   ~~~\n', []);
  check('- mục\n\n      mã trong mục với .....\n', ['.....']);
});

test('NFD text: the range still covers exactly the blank', () => {
  const text = '(Địa danh), với.....lượt'.normalize('NFD');
  assert.deepEqual(blanks(text).map((b) => b.normalize('NFC')), ['(Địa danh)', '.....']);
});

test('extra patterns from the setting are added; invalid ones are ignored', () => {
  assert.deepEqual(blanks('Kính gửi: XXX, ngày XX', { placeholders: ['X{2,}', '(unclosed'] }), ['XXX', 'XX']);
});

test('seeds: every blank of 004 and 002 is found, their guidance ellipses are not', () => {
  const s004 = readFixture('seeds', '004-kiem-diem-tap-the-ban-thuong-truc.md');
  const in004 = findings(s004).filter((f) => f.code === 'placeholder').map((f) => s004.slice(f.offset - 8, f.offset + f.length + 4));
  for (const context of ['với.....lượt', 'hành...cuộc', 'dung.......và', 'chức...cuộc', 'cho...ban']) {
    assert.ok(in004.some((c) => c.includes(context)), `${context} in ${in004.join(' | ')}`);
  }
  assert.equal(in004.length, 5);
  assert.ok(!in004.some((c) => c.includes('trường...,')));
  const s002 = readFixture('seeds', '002-bao-cao-6-thang-cong-tac-mat-tran.md');
  const in002 = blanks(s002);
  assert.ok(in002.includes('…………..'));
  assert.ok(in002.every((b) => /^[.…]{4,}$|^…{2,}/.test(b)), in002.join(' | '));
  assert.ok(s002.includes('…)') && s002.includes('...).'), 'the guidance ellipses are there, and not flagged');
});

test('false positives: none in finished prose (examples, complete reports, seeds without their known blanks)', () => {
  const files = [
    ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md') && !f.includes('con-cho-trong')).map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8')),
    ...listFixtures('complete').map((f) => readFixture('complete', f)),
  ];
  let prose = 0;
  for (const text of files) {
    assert.deepEqual(blanks(text), []);
    prose += text.length;
  }
  // The seeds' narrative: only their known blanks are flagged, nothing in the finished text around them.
  const known: Record<string, string[]> = {
    '001-ke-hoach.md': ['(Địa danh)', '__', '__'],
    '002-bao-cao-6-thang-cong-tac-mat-tran.md': ['…………..', '………….'],
    '004-kiem-diem-tap-the-ban-thuong-truc.md': ['.....', '...', '.......', '...', '...'],
  };
  for (const f of listFixtures('seeds')) {
    const text = readFixture('seeds', f);
    assert.deepEqual(blanks(text), known[f] ?? [], f);
    prose += text.length;
  }
  assert.ok(prose > 80_000, `measured on ${prose} characters`);
  // The example about blanks: only its five planted blank lines are flagged.
  const planted = readFileSync(join(ROOT, 'examples/bao-cao-so-ket-5-nam-xa-truong-tay-con-cho-trong.md'), 'utf8');
  assert.deepEqual([...new Set(findings(planted).filter((f) => f.code === 'placeholder').map((f) => f.line))], [6, 16, 28, 38, 54]);
});

test('skipping text that lacks what a kind needs finds exactly the blanks a full search finds', () => {
  const unhinted = DEFAULT_PLACEHOLDERS.map(({ needs: _needs, ...kind }) => kind);
  const bit = fc.constantFrom('a', 'ệ', 'e\u0302\u0301', ' ', '.', '..', '...', '....', '…', '_', '__', '(', ')', '[', ']', '(Địa danh)', '(ĐỊA DANH)', '[...]', '(…)', 'http://x.vn/a....b', 'www.', '1', '\n');
  fc.assert(fc.property(fc.array(bit, { maxLength: 30 }).map((b) => b.join('')), (text) => {
    assert.deepEqual(findBlanks(text, DEFAULT_PLACEHOLDERS).map((b) => [b.offset, b.length, b.kind.id]), findBlanks(text, unhinted).map((b) => [b.offset, b.length, b.kind.id]));
  }), { numRuns: 5000 });
});

/** The straightforward mapping `toNfc` must agree with: every cluster normalised on its own. */
function referenceToNfc(source: string): { text: string; map: number[] } {
  if (source === source.normalize('NFC')) return { text: source, map: [] };
  let text = '';
  const map: number[] = [];
  for (const m of source.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const piece = m[0].normalize('NFC');
    for (let i = 0; i < piece.length; i++) map.push(m.index! + (i < m[0].length ? i : m[0].length - 1));
    text += piece;
  }
  map.push(source.length);
  return { text, map };
}

test('NFC with a source index per character: the same as normalising cluster by cluster', () => {
  const bit = fc.constantFrom('a', 'e', 'ệ', 'e\u0302\u0301', 'a\u0300', '\u0301', '\u0323\u0302', 'Đ', 'đ', ' ', '.', '\n', '\u212b', '\u1e9b\u0323', '𝐀', '𝐀\u0301', '\u{1d165}', '\u1100\u1161', 'ﬁ', '\u0344', '\u0958', 'Å', '\u{11099}\u{110BA}');
  fc.assert(fc.property(fc.array(bit, { maxLength: 40 }).map((b) => b.join('')), (text) => {
    assert.deepEqual(toNfc(text), referenceToNfc(text));
  }), { numRuns: 5000 });
  const nfd = 'Phối hợp tổ chức 86 buổi tuyên truyền, với.....lượt người tham gia'.normalize('NFD');
  const { text, map } = toNfc(nfd);
  assert.equal(text, nfd.normalize('NFC'));
  assert.equal(map.length, text.length + 1);
  assert.equal(nfd.slice(map[text.indexOf('.....')]!, map[text.indexOf('.....') + 5]!), '.....');
});
