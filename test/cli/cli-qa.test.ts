// The command line as a clerk meets it: help, a workspace checked as a folder, a template named
// as a file of the workspace, a file too large to read, and which outline each report was read against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

const WS = join(ROOT, 'test/fixtures/cli/ws');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('decuong --help and -h print the usage and succeed', () => {
  for (const flag of ['--help', '-h']) {
    const r = cli([flag]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /decuong check <file\|dir>/);
    assert.equal(r.stderr, '');
  }
});

test('check . in a workspace checks its reports, not its templates', () => {
  const r = cli(['check', '.', '--format', 'json'], WS);
  const files = new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file));
  assert.ok([...files].every((f) => !f.includes('.decuong')), [...files].join(', '));
  assert.ok(files.has(join('reports', 'quy-thieu-muc.md')));
});

test('--template naming a file of the workspace’s templates is that template, not a second one with its id', () => {
  const r = cli(['check', 'reports/quy-thieu-muc.md', '--template', '.decuong/templates/bao-cao-quy.md', '--format', 'json'], WS);
  const codes = (JSON.parse(r.stdout) as Array<{ code: string }>).map((f) => f.code);
  assert.deepEqual(codes, ['missing-section'], r.stderr);
});

test('a file that cannot be read is not counted as checked, and says why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decuong-big-'));
  writeFileSync(join(dir, 'lon.md'), `# BÁO CÁO\n\n${'Nội dung báo cáo. '.repeat(150_000)}\n`);
  writeFileSync(join(dir, 'nho.md'), '# BÁO CÁO\n\nNội dung.\n');
  const r = cli(['check', join(dir, 'lon.md'), join(dir, 'nho.md')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read .*lon\.md \(it does not open, or is over 2 MB\)/);
  assert.match(r.stdout, /^1 file\(s\) checked: .*; 1 file\(s\) could not be read$/m);
});

test('each report’s outline, and how it was chosen, is said aside in text output (not in JSON)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decuong-note-'));
  writeFileSync(join(dir, 'kh.md'), '# KẾ HOẠCH SƠ KẾT\n\n# I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n');
  writeFileSync(join(dir, 'khac.md'), 'Ghi chép.\n');
  const text = cli(['check', 'kh.md', 'khac.md'], dir);
  assert.match(text.stderr, /^kh\.md: outline “ke-hoach” \(chosen by its title\)$/m);
  assert.match(text.stderr, /^khac\.md: no outline chosen$/m);
  const vi = cli(['check', 'kh.md', '--lang', 'vi'], dir);
  assert.match(vi.stderr, /^kh\.md: đề cương “ke-hoach” \(chọn theo tiêu đề báo cáo\)$/m);
  assert.equal(cli(['check', 'kh.md', '--format', 'json'], dir).stderr, '');
});

test('an outline limiting pages by level, for a report that names no level: the note says the limits do not apply', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decuong-cap-'));
  writeFileSync(join(dir, 'bc.md'), '---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\n---\n# BÁO CÁO\n\nNội dung.\n');
  const r = cli(['check', 'bc.md'], dir);
  assert.match(r.stderr, /^bc\.md: outline “so-ket-giua-nhiem-ky-2019-2024” \(named by its “decuong:”\); its page limits by level \(commune level \(xã\) 12, district level \(huyện\) 15\) do not apply: the report names no level/m);
  assert.doesNotMatch(cli(['check', 'bc.md', '--cap', 'xa'], dir).stderr, /do not apply/);
  // A level named that the outline sets no limit for: the level is named, so nothing to ask for.
  assert.doesNotMatch(cli(['check', 'bc.md', '--cap', 'tinh'], dir).stderr, /do not apply/);
});

test('templates in text names the levels of page limits as people say them', () => {
  const r = cli(['templates', '--lang', 'vi'], join(WS, 'reports'));
  assert.match(r.stdout, /giới hạn trang: cấp xã 1, cấp huyện 8/);
  assert.doesNotMatch(r.stdout, /\*: |xa: /);
});

test('a report of its own whose title names an outline: the note says it was not applied, and --template applies it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decuong-doubt-'));
  const sections = ['CÔNG TÁC TUYÊN TRUYỀN HỘI VIÊN', 'CÔNG TÁC HỖ TRỢ PHỤ NỮ PHÁT TRIỂN KINH TẾ', 'CÔNG TÁC XÂY DỰNG TỔ CHỨC HỘI', 'PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM'];
  writeFileSync(join(dir, 'hoi.md'), `# BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025\n\n${sections.map((s, i) => `## ${['I', 'II', 'III', 'IV'][i]}. ${s}\n\nNội dung.\n`).join('\n')}`);
  const r = cli(['check', 'hoi.md', '--format', 'json'], dir);
  assert.deepEqual((JSON.parse(r.stdout) as Array<{ code: string }>).map((f) => f.code), ['no-template']);
  assert.equal(r.code, 0);
  assert.match(cli(['check', 'hoi.md'], dir).stderr, /^hoi\.md: outline “bao-cao-6-thang-cong-tac-mat-tran” not applied though the title reads like it: the report has 0 of its 27 required sections \(use --template bao-cao-6-thang-cong-tac-mat-tran to check against it anyway\)$/m);
  assert.match(cli(['check', 'hoi.md', '--lang', 'vi'], dir).stderr, /^hoi\.md: không áp dụng đề cương “bao-cao-6-thang-cong-tac-mat-tran” dù tiêu đề giống: báo cáo có 0\/27 mục bắt buộc của đề cương này/m);
  const forced = cli(['check', 'hoi.md', '--template', 'bao-cao-6-thang-cong-tac-mat-tran', '--format', 'json'], dir);
  assert.ok((JSON.parse(forced.stdout) as Array<{ code: string }>).some((f) => f.code === 'missing-section'));
  assert.equal(forced.code, 1);
});
