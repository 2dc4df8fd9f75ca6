import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, createRegistry } from '../../server/src/core/index.ts';
import { builtinRegistry, builtinSources } from '../helpers.ts';

const ws = (path: string, text: string) => ({ path, text, builtin: false });

test('every built-in template loads without problems and records its source', () => {
  const r = builtinRegistry();
  assert.deepEqual(r.problems, []);
  for (const t of r.templates.values()) {
    assert.ok(t.source, `${t.id} has source:`);
    assert.ok(t.outline.all.length >= 3, `${t.id} has sections`);
    assert.ok(t.match.length, `${t.id} has match words`);
  }
});

test('guidance under template headings is kept', () => {
  const t = builtinRegistry().templates.get('so-ket-giua-nhiem-ky-2019-2024')!;
  const i = t.outline.all.findIndex((s) => s.heading.text.startsWith('1. Công tác triển khai'));
  assert.match(t.guidance[i]!, /Hình thức/);
});

test('a workspace template overrides a built-in with the same id', () => {
  const r = createRegistry([...builtinSources(), ws('/w/ke-hoach.md', '---\nid: ke-hoach\ntitle: Riêng\n---\n# I. MỤC ĐÍCH\n')]);
  const t = r.templates.get('ke-hoach')!;
  assert.equal(t.title, 'Riêng');
  assert.equal(t.builtin, false);
  assert.equal(t.outline.all.length, 1);
});

test('extends: a template without headings inherits sections; its own fields win', () => {
  const r = createRegistry([...builtinSources(), ws('/w/kh2.md', '---\nid: kh2\nextends: ke-hoach\npages: { xa: 3 }\n---\n')]);
  const t = r.templates.get('kh2')!;
  assert.equal(t.outline.all.length, r.templates.get('ke-hoach')!.outline.all.length);
  assert.deepEqual(t.pages, { xa: 3 });
  assert.deepEqual(t.match, r.templates.get('ke-hoach')!.match);
  const own = createRegistry([...builtinSources(), ws('/w/kh3.md', '---\nid: kh3\nextends: ke-hoach\n---\n# A. RIÊNG\n')]);
  assert.deepEqual(own.templates.get('kh3')!.outline.all.map((s) => s.heading.text), ['A. RIÊNG']);
});

test('template problems are reported with positions: broken YAML, unknown extends, cycles, bad pages', () => {
  const broken = '---\nid: hong\ntitle: [oops\n---\n# I. A\n';
  const r = createRegistry([
    ws('/w/hong.md', broken),
    ws('/w/con.md', '---\nid: con\nextends: ke-hoac\n---\n'),
    ws('/w/a.md', '---\nid: a\nextends: b\n---\n'),
    ws('/w/b.md', '---\nid: b\nextends: a\n---\n'),
    ws('/w/p.md', '---\nid: p\npages: { xa: "mười" }\n---\n# I. A\n'),
    ...builtinSources(),
  ]);
  const by = (id: string) => r.problems.filter((p) => p.id === id);
  assert.ok(by('hong').length >= 1);
  assert.ok(by('hong')[0]!.offset >= broken.indexOf('title'), 'YAML error placed inside the front matter');
  assert.match(by('con')[0]!.message.en, /did you mean: ke-hoach/);
  assert.ok(by('a').length + by('b').length >= 1, 'cycle reported');
  assert.match(by('p')[0]!.message.vi, /số dương/);
});

test('a report whose template has a problem gets template-error on its front matter', () => {
  const r = createRegistry([...builtinSources(), ws('/w/con.md', '---\nid: con\nextends: khong-co\n---\n# I. A\n')]);
  const text = '---\ndecuong: con\n---\n# I. A\n';
  const got = check(text, r).findings;
  assert.deepEqual(got.map((f) => f.code), ['template-error']);
  assert.equal(text.slice(got[0]!.offset, got[0]!.offset + got[0]!.length), 'con');
});

test('a template without front matter takes its id from the file name', () => {
  const r = createRegistry([ws('/w/bao-cao-tuan.md', '# I. Việc đã làm\n# II. Việc sẽ làm\n')]);
  assert.ok(r.templates.has('bao-cao-tuan'));
});

test('a cycle of extends: every template in it is broken, each told the whole cycle, none takes a partner’s fields', () => {
  const r = createRegistry([
    ws('/w/a.md', '---\nid: a\ntitle: Mẫu A\nextends: b\n---\n'),
    ws('/w/b.md', '---\nid: b\nextends: a\n---\n'),
    ws('/w/c.md', '---\nid: c\nextends: c\n---\n'),
  ]);
  const said = (id: string) => r.problems.filter((p) => p.id === id).map((p) => p.message.en);
  assert.deepEqual(said('a'), ['Template “a” extends itself in a cycle: a → b → a.']);
  assert.deepEqual(said('b'), ['Template “b” extends itself in a cycle: b → a → b.']);
  assert.deepEqual(said('c'), ['Template “c” extends itself in a cycle: c → c.']);
  assert.match(r.problems.find((p) => p.id === 'b')!.message.vi, /vòng tròn \(extends\): b → a → b/);
  assert.equal(r.templates.get('b')!.title, 'b', 'not its partner’s title');
  assert.equal(r.templates.get('a')!.title, 'Mẫu A');
  const text = '---\nid: b\nextends: a\n---\n';
  const at = r.problems.find((p) => p.id === 'b')!;
  assert.equal(text.slice(at.offset, at.end), 'a', 'placed on the extends value');
});

test('pages: quoted numbers are page counts, as gioi-han-trang allows; keys are levels as a report writes cap:', () => {
  const r = createRegistry([
    ws('/w/q.md', '---\nid: q\npages: { huyen: "8", xa: 6 }\n---\n# I. A\n'),
    ws('/w/one.md', '---\nid: one\npages: "5"\n---\n# I. A\n'),
    ws('/w/vn.md', '---\nid: vn\npages: { xã: 12, "Thị trấn": 10, cấp huyện: 15, khu phố: 3 }\n---\n# I. A\n'),
    ws('/w/bad.md', '---\nid: bad\npages: { xa: "mười", huyen: 0 }\n---\n# I. A\n'),
  ]);
  assert.deepEqual(r.templates.get('q')!.pages, { huyen: 8, xa: 6 });
  assert.deepEqual(r.templates.get('one')!.pages, { '*': 5 });
  assert.deepEqual(r.templates.get('vn')!.pages, { xa: 12, 'thi-tran': 10, huyen: 15, 'khu-pho': 3 });
  assert.deepEqual(r.problems.map((p) => p.id), ['bad', 'bad']);
});

test('a template whose YAML is broken is named by its file name, not by a title cut out of the raw text', () => {
  const r = createRegistry([ws('/w/yaml/bc-yaml.md', '---\nid: bc-yaml\ntitle: "Báo cáo lỗi YAML\nmatch: [báo cáo lỗi\n---\n# I. MỤC MỘT\n# II. MỤC HAI\n')]);
  const t = [...r.templates.values()][0]!;
  assert.equal(t.title, 'bc-yaml.md');
  assert.ok(r.problems.some((p) => /YAML/.test(p.message.en)));
});
