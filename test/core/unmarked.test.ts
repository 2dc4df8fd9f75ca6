import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, readFixture, STRUCTURAL } from '../helpers.ts';

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
