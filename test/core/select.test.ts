import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/index.ts';
import { builtinRegistry } from '../helpers.ts';

function chosen(text: string, options = {}) {
  const r = check(text, builtinRegistry(), options);
  return `${r.selection.kind}:${r.template?.id ?? ''}`;
}

test('front matter names the template; unknown ids suggest the closest', () => {
  assert.equal(chosen('---\ndecuong: ke-hoach\n---\n# X\n'), 'front-matter:ke-hoach');
  const r = check('---\ndecuong: kehoach\n---\n', builtinRegistry());
  assert.equal(r.selection.kind, 'unknown');
  assert.deepEqual(r.findings.map((f) => f.code), ['unknown-template']);
  assert.match(r.findings[0]!.message.vi, /có phải: “ke-hoach”/);
});

test('without front matter the title picks: the kind named first wins', () => {
  assert.equal(chosen('# KẾ HOẠCH Sơ kết 5 năm thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”\n\n## I. MỤC ĐÍCH\n'), 'title:ke-hoach');
  assert.equal(chosen('**BÁO CÁO**\n\nSơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội MTTQ\n\n# I. TÌNH HÌNH\n'), 'title:so-ket-giua-nhiem-ky-2019-2024');
  assert.equal(chosen('# Ghi chú cuộc họp\n\n## Việc cần làm\n'), 'none:');
});

test('the setting is used when the front matter names none', () => {
  assert.equal(chosen('# Ghi chú\n', { template: 'ke-hoach' }), 'setting:ke-hoach');
  assert.equal(chosen('---\ndecuong: kiem-diem-tap-the-ban-thuong-truc\n---\n', { template: 'ke-hoach' }), 'front-matter:kiem-diem-tap-the-ban-thuong-truc');
});

test('a report without any template gets one no-template information on line 0', () => {
  const r = check('Ghi chú\n\nKhông có tiêu đề.\n', builtinRegistry());
  assert.deepEqual(r.findings.map((f) => [f.code, f.level, f.offset]), [['no-template', 'information', 0]]);
});

test('bad input never throws', () => {
  const junk = [
    '', '\uFEFF', '---\nunterminated: [\n', '---\n: : :\n---\n# I.\n', '\u0000\u0001\uFFFF'.repeat(100),
    '#'.repeat(7) + ' x\n', '# \n## \n### \n', '\r\r\r# I. MỤC ĐÍCH\r', '\uD800 lone surrogate #',
    '---\ndecuong: [1, 2]\ncap: {a: 1}\n---\n', 'x'.repeat(200_000),
  ];
  for (const text of junk) assert.doesNotThrow(() => check(text, builtinRegistry()), JSON.stringify(text.slice(0, 30)));
});
