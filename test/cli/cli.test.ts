import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The slips written into examples/ on purpose (see test/fixtures/examples-EXPECTED.md): each must be
 * reported, at its heading, and nothing else — the complete examples stay clean.
 */
const EXPECTED_EXAMPLES = [
  'examples/bao-cao-6-thang-dau-nam-xa-tan-lien.md 10 section-level warning',
  'examples/bao-cao-6-thang-dau-nam-xa-tan-lien.md 32 section-order warning',
  'examples/bao-cao-6-thang-dau-nam-xa-tan-lien.md 101 joined-paragraph warning',
  'examples/bao-cao-6-thang-dau-nam-xa-tan-lien.md 103 indented-code warning',
  'examples/bao-cao-so-ket-giua-nhiem-ky-xa-phu-son.md 24 section-title warning',
  'examples/bao-cao-so-ket-giua-nhiem-ky-xa-phu-son.md 64 missing-section error',
  'examples/bao-cao-so-ket-phuong-1.md 72 section-title warning',
];

test('check examples/ --format json reports exactly the planted slips', () => {
  const r = cli(['check', 'examples/', '--format', 'json']);
  assert.equal(r.code, 1, 'an error-severity finding exits 1');
  const list = JSON.parse(r.stdout) as Array<{ file: string; range: { start: { line: number; character: number }; end: { line: number } }; severity: string; code: string; message: string }>;
  const structural = list.filter((d) => d.code !== 'placeholder');
  assert.deepEqual(structural.map((d) => `${d.file} ${d.range.start.line} ${d.code} ${d.severity}`), EXPECTED_EXAMPLES);
  for (const d of list) {
    assert.equal(typeof d.message, 'string');
    assert.ok(d.range.end.line >= d.range.start.line);
  }
  const missing = list.find((d) => d.code === 'missing-section')!;
  assert.match(missing.message, /“d\. Về hoạt động phản biện xã hội”/);
});

test('text output is file:line:col, SARIF is valid 2.1.0 with 1-based regions', () => {
  const text = cli(['check', 'examples/bao-cao-so-ket-phuong-1.md', '--lang', 'vi']);
  assert.equal(text.code, 0, 'warnings only exit 0');
  assert.match(text.stdout, /^examples\/bao-cao-so-ket-phuong-1\.md:73:\d+: warning section-title Tên mục/m);
  const sarif = JSON.parse(cli(['check', 'examples/bao-cao-so-ket-phuong-1.md', '--format', 'sarif']).stdout);
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results[0];
  assert.equal(result.ruleId, 'section-title');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 73);
  assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'missing-section'));
});

test('bad usage and unreadable input exit 2', () => {
  assert.equal(cli([]).code, 2);
  assert.equal(cli(['frobnicate']).code, 2);
  assert.equal(cli(['check']).code, 2);
  assert.equal(cli(['check', 'no/such/file.md']).code, 2);
  assert.equal(cli(['check', 'examples/', '--format', 'xml']).code, 2);
  const unknown = cli(['check', 'examples/', '--template', 'ke-hoac']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /did you mean: ke-hoach/);
});

test('--template forces an outline, --templates adds a workspace folder that overrides built-ins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decuong-cli-'));
  mkdirSync(join(dir, 'tpl'));
  writeFileSync(join(dir, 'tpl', 'ke-hoach.md'), '---\nid: ke-hoach\ntitle: Kế hoạch riêng\nmatch: [kế hoạch]\n---\n# I. MỤC ĐÍCH\n# II. KINH PHÍ\n');
  writeFileSync(join(dir, 'r.md'), '# I. MỤC ĐÍCH\n\nNội dung.\n');
  const own = JSON.parse(cli(['check', join(dir, 'r.md'), '--template', 'ke-hoach', '--templates', join(dir, 'tpl'), '--format', 'json']).stdout);
  assert.deepEqual(own.map((d: { code: string; message: string }) => [d.code, /“([^”]*)”/.exec(d.message)![1]]), [['missing-section', 'II. KINH PHÍ']]);
  const listed = JSON.parse(cli(['templates', '--templates', join(dir, 'tpl'), '--format', 'json']).stdout);
  const kh = listed.find((t: { id: string }) => t.id === 'ke-hoach');
  assert.equal(kh.title, 'Kế hoạch riêng');
  assert.equal(kh.builtin, false);
});

test('templates --format json lists every built-in with id, title, source and page limits', () => {
  const list = JSON.parse(cli(['templates', '--format', 'json']).stdout) as Array<{ id: string; title: string; source: string | null; pages: Record<string, number> }>;
  assert.ok(list.length >= 6);
  for (const t of list) {
    assert.ok(t.title && t.source, t.id);
  }
  assert.deepEqual(list.find((t) => t.id === 'so-ket-giua-nhiem-ky-2019-2024')!.pages, { xa: 12, huyen: 15 });
  assert.deepEqual(list.find((t) => t.id === 'so-ket-giua-nhiem-ky-2019-2024-quan-5')!.pages, { phuong: 10 });
});

test('check --fix inserts the missing sections in place, says what it inserted, and then passes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decuong-fix-'));
  const file = join(dir, 'bao-cao.md');
  writeFileSync(file, '---\r\ndecuong: ke-hoach\r\n---\r\n# KẾ HOẠCH\r\n\r\n## I. MỤC ĐÍCH, YÊU CẦU\r\n\r\nNội dung.\r\n');
  const r = cli(['check', '--fix', '--no-guidance', file]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /inserted section “II\. NỘI DUNG”/);
  // Named as inserted: numbered after the report’s “II.”, not the outline’s “V.”.
  assert.match(r.stderr, /inserted section “III\. TỔ CHỨC THỰC HIỆN”/);
  const fixed = readFileSync(file, 'utf8');
  assert.equal(fixed, '---\r\ndecuong: ke-hoach\r\n---\r\n# KẾ HOẠCH\r\n\r\n## I. MỤC ĐÍCH, YÊU CẦU\r\n\r\nNội dung.\r\n\r\n## II. NỘI DUNG\r\n\r\n## III. TỔ CHỨC THỰC HIỆN\r\n');
  assert.deepEqual(readdirSync(dir), ['bao-cao.md'], 'no temporary file left');
});

test('check --fix on a report pasted from Word separates its paragraphs and marks its titles, and says how many blank lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decuong-fix-'));
  const file = join(dir, 'dan-tu-word.md');
  const pasted = readFileSync(join(ROOT, 'test/fixtures/ws/bao-cao/dan-tu-word.md'), 'utf8').replace(/\n/g, '\r\n');
  writeFileSync(file, pasted);
  const before = cli(['check', '--format', 'json', file]);
  const joined = JSON.parse(before.stdout).filter((f: { code: string }) => f.code === 'joined-paragraph').length;
  assert.ok(joined > 0, before.stdout);
  const r = cli(['check', '--fix', file]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stderr, new RegExp(`inserted ${joined} blank line\\(s\\) between paragraphs`));
  assert.match(r.stdout, /no findings/);
  const lines = pasted.split('\r\n').filter(Boolean);
  assert.equal(readFileSync(file, 'utf8'), lines.map((l) => (/^[IVX]+\. /.test(l) ? `# ${l}` : l)).join('\r\n\r\n') + '\r\n', 'CRLF kept');
});

test('pages --format json prints pages, decimal and breaks; flags are checked', () => {
  const r = cli(['pages', 'examples/bao-cao-so-ket-phuong-1.md', '--format', 'json', '--size', '13', '--spacing', '1.5', '--margins', '20,20,30,15']);
  assert.equal(r.code, 0, r.stderr);
  const est = JSON.parse(r.stdout) as { pages: number; decimal: number; breaks: number[] };
  assert.equal(est.breaks.length, est.pages - 1);
  assert.ok(est.decimal > est.pages - 1 && est.decimal <= est.pages);
  const bigger = JSON.parse(cli(['pages', 'examples/bao-cao-so-ket-phuong-1.md', '--format', 'json', '--size', '14', '--spacing', '1.5']).stdout);
  assert.ok(bigger.decimal > est.decimal, '14 pt takes more room than 13 pt');
  assert.equal(cli(['pages', 'examples/bao-cao-so-ket-phuong-1.md', '--size', '12']).code, 2);
  assert.equal(cli(['pages', 'examples/bao-cao-so-ket-phuong-1.md', '--margins', '1,2']).code, 2);
  assert.equal(cli(['pages']).code, 2);
});
