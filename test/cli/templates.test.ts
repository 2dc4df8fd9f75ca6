import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

const WS = join(ROOT, 'test/fixtures/cli/ws');
const BROKEN = join(ROOT, 'test/fixtures/cli/broken');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = Array<{ file: string; code: string; message: string; range: { start: { line: number } } }>;

test('check finds the workspace templates in .decuong/templates/ up from each report (or the current folder), and says which once', () => {
  const here = cli(['check', 'reports/quy-thieu-muc.md', '--format', 'json'], WS);
  assert.equal(here.code, 1, here.stderr);
  const found = JSON.parse(here.stdout) as Json;
  assert.deepEqual(found.map((f) => f.code), ['missing-section'], 'the workspace template is used, not unknown-template');
  assert.match(found[0]!.message, /“2\. Công tác giám sát”/);
  assert.equal(here.stderr, 'decuong: using the templates in .decuong/templates\n');
  // From a folder below: the nearest one up.
  const below = cli(['check', 'quy-thieu-muc.md', '--lang', 'vi'], join(WS, 'reports'));
  assert.match(below.stdout, /missing-section/);
  // In text, each report's outline is said aside too (which one, and how it was chosen).
  assert.equal(below.stderr, `decuong: dùng các mẫu đề cương trong ${join('..', '.decuong', 'templates')}\nquy-thieu-muc.md: đề cương “bao-cao-quy” (theo “decuong:” trong báo cáo); giới hạn trang theo cấp (cấp xã 1, cấp huyện 8) chưa áp dụng vì báo cáo chưa ghi cấp: thêm “cap:” hoặc --cap\n`);
  // --templates given: that folder only, nothing said.
  const given = cli(['check', 'reports/quy-thieu-muc.md', '--templates', join(BROKEN, 'pages'), '--format', 'json'], WS);
  assert.deepEqual((JSON.parse(given.stdout) as Json).map((f) => f.code), ['unknown-template']);
  assert.equal(given.stderr, '');
  // From elsewhere (no .decuong/ up from the repository): the report's own workspace, up from its folder.
  const elsewhere = cli(['check', join(WS, 'reports/quy-thieu-muc.md'), '--format', 'json']);
  assert.deepEqual((JSON.parse(elsewhere.stdout) as Json).map((f) => f.code), ['missing-section']);
  assert.match(elsewhere.stderr, /^decuong: using the templates in .*ws[\\/]\.decuong[\\/]templates\n$/);
  // A report with no .decuong/ up from it or from here: built-ins only, nothing said.
  const none = cli(['check', join(WS, '..', 'broken', 'pages'), '--format', 'json']);
  assert.equal(none.stderr, '');
});

test('templates lists the workspace templates found up from the current folder', () => {
  const r = cli(['templates', '--format', 'json'], join(WS, 'reports'));
  assert.equal(r.code, 0, r.stderr);
  const quy = (JSON.parse(r.stdout) as Array<{ id: string; path: string | null; pages: Record<string, number> }>).find((t) => t.id === 'bao-cao-quy');
  assert.ok(quy, r.stdout);
  assert.equal(quy.path, join('..', '.decuong', 'templates', 'bao-cao-quy.md'));
  assert.deepEqual(quy.pages, { xa: 1, huyen: 8 }, 'pages: { xã: 1, huyen: "8" } read as levels and numbers');
  assert.match(r.stderr, /^decuong: using the templates in \.\.[\\/]\.decuong[\\/]templates\n$/);
});

test('cap: and --cap written as people write them (Xã, cấp xã) get the level’s page limit; an unknown --cap is bad usage', () => {
  const fm = cli(['check', 'reports/quy-dai-cap-xa.md', '--format', 'json'], WS); // cap: Xã, template pages { xã: 1 }
  const limit = (JSON.parse(fm.stdout) as Json).filter((f) => f.code === 'page-limit');
  assert.equal(limit.length, 1, fm.stdout);
  assert.match(limit[0]!.message, /over the limit of 1 page for commune level \(xã\)/);
  const pageLimits = (args: string[]) => (JSON.parse(cli(['check', 'reports/quy-dai-khong-cap.md', '--format', 'json', ...args], WS).stdout) as Json).filter((f) => f.code === 'page-limit').map((f) => f.range.start.line);
  assert.deepEqual(pageLimits([]), [], 'no level, no limit');
  assert.deepEqual(pageLimits(['--cap', 'cấp xã']), [33]);
  assert.deepEqual(pageLimits(['--cap', 'XÃ']), [33]);
  assert.deepEqual(pageLimits(['--cap', 'huyện']), [], 'within 8 pages');
  const bad = cli(['check', 'reports/quy-thieu-muc.md', '--cap', 'xá lị'], WS);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown level xá lị for --cap \(levels: xa, phuong, thi-tran, huyen, quan, thi-xa, thanh-pho, tinh\)/);
});

test('templates with broken templates: path:line:col for each problem, exit 1, every template of an extends cycle named with the cycle', () => {
  const r = cli(['templates', '--templates', '.', '--format', 'json'], BROKEN);
  assert.equal(r.code, 1, 'a broken template exits 1');
  assert.deepEqual(r.stderr.trim().split('\n').sort(), [
    'cyc/vong-a.md:3:10: Template “vong-a” extends itself in a cycle: vong-a → vong-b → vong-a.',
    'cyc/vong-b.md:3:10: Template “vong-b” extends itself in a cycle: vong-b → vong-a → vong-b.',
    'yaml/bc-yaml.md:4:20: YAML error in template: check the brackets, quotes and indentation on this line (Missing closing "quote).',
  ]);
  const list = JSON.parse(r.stdout) as Array<{ id: string; title: string; pages: Record<string, number> }>;
  const by = (id: string) => list.find((t) => t.id === id)!;
  assert.equal(by('bc-yaml').title, 'bc-yaml.md', 'broken YAML: the file name, not a title cut from the raw text');
  assert.equal(by('vong-b').title, 'vong-b', 'not its partner’s title');
  assert.deepEqual(by('trang-chuoi').pages, { huyen: 8, xa: 6 }, 'a quoted number in pages is a page count');
  const vi = cli(['templates', '--templates', 'cyc', '--lang', 'vi'], BROKEN);
  assert.equal(vi.code, 1);
  assert.match(vi.stderr, /^cyc\/vong-a\.md:3:10: Mẫu “vong-a” kế thừa vòng tròn \(extends\): vong-a → vong-b → vong-a\.$/m);
  const ok = cli(['templates', '--templates', 'pages'], BROKEN);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stderr, '');
});
