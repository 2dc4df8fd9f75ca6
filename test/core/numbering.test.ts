import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumbering, romanValue, toRoman } from '../../server/src/core/numbering.ts';

function check(title: string, expected: { style: string; value: number; text: string } | undefined) {
  const n = parseNumbering(title);
  assert.deepEqual(n && { style: n.style, value: n.value, text: n.text }, expected, title);
}

test('numbering prefixes of Vietnamese documents', () => {
  check('I. MỤC ĐÍCH, YÊU CẦU', { style: 'roman', value: 1, text: 'I.' });
  check('IV- Phương hướng', { style: 'roman', value: 4, text: 'IV-' });
  check('XIV. Khác', { style: 'roman', value: 14, text: 'XIV.' });
  check('4. Trách nhiệm', { style: 'arabic', value: 4, text: '4.' });
  check('2) Thuận lợi', { style: 'arabic', value: 2, text: '2)' });
  check('1.2. Việc đoàn kết', { style: 'decimal', value: 2, text: '1.2.' });
  check('6.3 Các kiến nghị', { style: 'decimal', value: 3, text: '6.3' });
  check('a. Công tác', { style: 'letter', value: 1, text: 'a.' });
  check('đ) Mục năm', { style: 'letter', value: 5, text: 'đ)' });
  check('g) Mục bảy', { style: 'letter', value: 7, text: 'g)' });
  check('B. NỘI DUNG', { style: 'upper-letter', value: 2, text: 'B.' });
  check('Phần thứ nhất', { style: 'part-ordinal', value: 1, text: 'Phần thứ nhất' });
  check('Phần thứ tư: Kiến nghị', { style: 'part-ordinal', value: 4, text: 'Phần thứ tư:' });
  check('PHẦN II. KẾT QUẢ', { style: 'part-roman', value: 2, text: 'PHẦN II.' });
  check('Phần 3 - Kết luận', { style: 'part-arabic', value: 3, text: 'Phần 3 -' });
});

test('Word’s separators: “1/”, “a/”, “B/”, “I/”, and “1-”, “a-”, “2–” glued to the number', () => {
  check('1/ Công tác triển khai:', { style: 'arabic', value: 1, text: '1/' });
  check('12/ Kết quả', { style: 'arabic', value: 12, text: '12/' });
  check('a/ Công tác thông tin, tuyên truyền:', { style: 'letter', value: 1, text: 'a/' });
  check('đ/ Mục năm', { style: 'letter', value: 5, text: 'đ/' });
  check('B/ NỘI DUNG', { style: 'upper-letter', value: 2, text: 'B/' });
  check('II/ KẾT QUẢ', { style: 'roman', value: 2, text: 'II/' });
  check('1- Công tác', { style: 'arabic', value: 1, text: '1-' });
  check('2– Thuận lợi', { style: 'arabic', value: 2, text: '2–' });
  check('a- Nội dung', { style: 'letter', value: 1, text: 'a-' });
  check('B- NHIỆM VỤ', { style: 'upper-letter', value: 2, text: 'B-' });
  check('3/', { style: 'arabic', value: 3, text: '3/' });
  // The prefix's length takes the spaces after it, so the title starts right after.
  assert.equal(parseNumbering('1/  Công tác')!.length, 4);
});

test('text that only looks numbered is not', () => {
  // Fractions, dates, spans and “về việc” are prose; a dash after a space is not a separator.
  check('2/3 số hộ đã đăng ký', undefined);
  check('15/6 là ngày tổ chức', undefined);
  check('8/8 khu phố tổ chức Ngày hội', undefined);
  check('1-2 người mỗi hộ', undefined);
  check('a-b là hai vế', undefined);
  check('V/v tổ chức hội nghị', undefined);
  check('1 - Công tác', undefined);
  check('a - Nội dung', undefined);
  check('1 / Công tác', undefined);
  check('2019- 2024 là nhiệm kỳ', undefined);
  check('2021/ năm bản lề', undefined);
  check('Thuận lợi', undefined);
  check('2022 là năm bản lề', undefined);
  check('v.v... các hoạt động', undefined);
  check('Phần lớn hộ dân', undefined);
  check('IC. không phải số La Mã', undefined);
});

test('roman numerals round-trip', () => {
  for (let n = 1; n < 100; n++) assert.equal(romanValue(toRoman(n)), n);
  assert.equal(romanValue('IIII'), 0);
  assert.equal(romanValue('VX'), 0);
});
