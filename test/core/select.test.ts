import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/index.ts';
import { builtinRegistry, builtinSources } from '../helpers.ts';
import { createRegistry } from '../../server/src/core/index.ts';
import { levelKey } from '../../server/src/core/levels.ts';

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

test('levelKey: the level as people type it, to its key', () => {
  const cases: Array<[string, string]> = [
    ['xa', 'xa'], ['xã', 'xa'], ['Xa', 'xa'], ['Xã', 'xa'], ['XÃ', 'xa'], ['xã'.normalize('NFD'), 'xa'], ['cấp xã', 'xa'], ['Cấp Xã', 'xa'],
    ['thị trấn', 'thi-tran'], ['thi tran', 'thi-tran'], ['thị-trấn', 'thi-tran'], ['  Thị  Trấn ', 'thi-tran'], ['thi_tran', 'thi-tran'],
    ['thị xã', 'thi-xa'], ['thành phố', 'thanh-pho'], ['cấp tỉnh', 'tinh'], ['phường', 'phuong'], ['quận', 'quan'], ['huyện', 'huyen'],
    ['commune', 'xa'], ['district level', 'huyen'], ['Khu phố', 'khu-pho'], ['abc', 'abc'],
  ];
  for (const [typed, key] of cases) assert.equal(levelKey(typed), key, typed);
});

test('cap: is read as its level key whatever way it is written; the setting too', () => {
  const capOf = (text: string, options = {}) => {
    const s = check(text, builtinRegistry(), options).selection;
    return 'cap' in s ? s.cap : undefined;
  };
  const fm = (cap: string) => `---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\ncap: ${cap}\n---\n# X\n`;
  for (const cap of ['xa', 'xã', 'Xa', 'Xã', 'cấp xã', 'CẤP XÃ'.normalize('NFD')]) assert.equal(capOf(fm(cap)), 'xa', cap);
  assert.equal(capOf(fm('thị trấn')), 'thi-tran');
  assert.equal(capOf('---\ndecuong: ke-hoach\n---\n# X\n', { cap: 'Cấp Huyện' }), 'huyen');
});

test('front-matter: a cap: that is no level nor one of the template’s page limits is said, with the levels there are', () => {
  const frontMatter = (text: string, registry = builtinRegistry()) => check(text, registry).findings.filter((f) => f.code === 'front-matter');
  const text = '---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\ncap: xá lị\n---\n# X\n';
  const [f, ...more] = frontMatter(text);
  assert.equal(more.length, 0);
  assert.equal(text.slice(f!.offset, f!.offset + f!.length), 'xá lị');
  assert.equal(f!.level, 'warning');
  assert.match(f!.message.vi, /“cap: xá lị” không phải là cấp hợp lệ.*“so-ket-giua-nhiem-ky-2019-2024” quy định số trang cho: cấp xã, cấp huyện\./);
  assert.match(f!.message.en, /“cap: xá lị” is not a valid level.*sets page limits for: commune level \(xã\), district level \(huyện\)\./);
  // Without a template that sets limits by level: the levels the checker knows.
  const [g] = frontMatter('---\ndecuong: ke-hoach\ncap: constructor\n---\n# X\n');
  assert.match(g!.message.vi, /một trong các cấp: xã, phường, thị trấn,/);
  assert.match(g!.message.en, /write one of: xa \(commune\), phuong \(ward\)/);
  // Known levels, however written, and a template's own level: nothing to say.
  for (const cap of ['xã', 'Cấp Huyện', 'tinh', 'thị trấn']) assert.deepEqual(frontMatter(text.replace('xá lị', cap)), [], cap);
  const own = createRegistry([...builtinSources(), { path: '/w/kp.md', text: '---\nid: kp\npages: { khu-pho: 3 }\n---\n# I. A\n', builtin: false }]);
  assert.deepEqual(frontMatter('---\ndecuong: kp\ncap: Khu phố\n---\n# X\n', own), []);
});

test('a title that only names the kind of document (# BÁO CÁO) is read with its subject on the lines after it', () => {
  const text = '# BÁO CÁO\n\n**Sơ kết 05 năm thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”**\n\nNội dung mở đầu.\n\n## PHẦN I. CÔNG TÁC THAM MƯU\n\nNội dung.\n';
  const r = check(text, builtinRegistry());
  assert.equal(r.context.template?.id, 'so-ket-5-nam-cuoc-van-dong');
  // A title that says it all is read alone: the subject lines do not outvote it.
  const plan = '# KẾ HOẠCH TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT\n\nSơ kết 05 năm thực hiện Cuộc vận động.\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n';
  assert.equal(check(plan, builtinRegistry()).context.template?.id, 'ke-hoach');
});
