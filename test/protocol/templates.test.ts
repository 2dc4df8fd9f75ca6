import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp.ts';

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'decuong-ws-'));
  mkdirSync(join(root, '.decuong/templates'), { recursive: true });
  const templatePath = join(root, '.decuong/templates/bao-cao-quy.md');
  writeFileSync(templatePath, '---\nid: bao-cao-quy\ntitle: Báo cáo quý\n---\n# I. KẾT QUẢ\n# II. PHƯƠNG HƯỚNG\n');
  return { root, templatePath, templateUri: pathToFileURL(templatePath).href, reportUri: pathToFileURL(join(root, 'bao-cao.md')).href };
}

const report = '---\ndecuong: bao-cao-quy\n---\n# I. KẾT QUẢ\n\nĐã làm.\n\n# II. PHƯƠNG HƯỚNG\n\nSẽ làm.\n';
const codes = (p: { diagnostics: Array<{ code?: unknown; range: { start: { line: number } } }> }) => p.diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`);

test('a workspace template changed on disk takes effect on the open report', async (t) => {
  const ws = workspace();
  const server = await startServer({ workspaceFolder: ws.root });
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.reportUri, languageId: 'markdown', version: 1, text: report } });
  assert.deepEqual(codes(await server.waitFor(ws.reportUri, (p) => p.version === 1)), []);
  writeFileSync(ws.templatePath, '---\nid: bao-cao-quy\ntitle: Báo cáo quý\n---\n# I. KẾT QUẢ\n# II. PHƯƠNG HƯỚNG\n# III. KIẾN NGHỊ\n');
  server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.templateUri, type: 2 }] });
  const after = await server.waitFor(ws.reportUri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(codes(after), ['7 missing-section']);
});

test('editing an open template re-checks reports before it is saved, and shows its own problems', async (t) => {
  const ws = workspace();
  const server = await startServer({ workspaceFolder: ws.root });
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.reportUri, languageId: 'markdown', version: 1, text: report } });
  await server.waitFor(ws.reportUri, (p) => p.version === 1);
  const broken = '---\nid: bao-cao-quy\nextends: ke-hoac\n---\n# I. KẾT QUẢ\n# II. PHƯƠNG HƯỚNG\n# III. KIẾN NGHỊ\n';
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.templateUri, languageId: 'markdown', version: 1, text: broken } });
  const own = await server.waitFor(ws.templateUri, (p) => p.version === 1);
  assert.deepEqual(codes(own), ['2 template-error']);
  assert.match(String(own.diagnostics[0]!.message), /ke-hoach/);
  const rechecked = await server.waitFor(ws.reportUri, (p) => p.diagnostics.some((d) => d.code === 'missing-section'));
  assert.deepEqual(codes(rechecked).sort(), ['1 template-error', '7 missing-section']);
});

test('a configuration change re-reads settings and re-checks without a reload', async (t) => {
  const ws = workspace();
  const settings: Record<string, unknown> = {};
  const server = await startServer({ workspaceFolder: ws.root, settings });
  t.after(() => server.stop());
  const text = '---\ndecuong: bao-cao-quy\n---\n# I. KẾT QUẢ\n';
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.reportUri, languageId: 'markdown', version: 1, text } });
  assert.deepEqual(codes(await server.waitFor(ws.reportUri, (p) => p.version === 1)), ['3 missing-section']);
  settings.severity = { 'missing-section': 'ignore' };
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await server.waitFor(ws.reportUri, (p) => p.diagnostics.length === 0);
});

test('templates outside the workspace folder are refused: a path leading out, and a symlink out', async (t) => {
  const ws = workspace();
  const outside = mkdtempSync(join(tmpdir(), 'decuong-outside-'));
  writeFileSync(join(outside, 'ngoai.md'), '---\nid: ngoai\n---\n# I. NGOÀI\n');
  symlinkSync(join(outside, 'ngoai.md'), join(ws.root, '.decuong/templates/lien-ket.md'));
  const report = '---\ndecuong: ngoai\n---\n# I. NGOÀI\n';
  // The default folder holds a symlink leading out: its template is not read.
  const server = await startServer({ workspaceFolder: ws.root });
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.reportUri, languageId: 'markdown', version: 1, text: report } });
  assert.deepEqual(codes(await server.waitFor(ws.reportUri, (p) => p.version === 1)), ['1 unknown-template']);
  // A templates path that climbs out of the folder is refused too.
  const climbing = await startServer({ workspaceFolder: ws.root, settings: { templatesPath: relative(ws.root, outside) } });
  t.after(() => climbing.stop());
  climbing.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.reportUri, languageId: 'markdown', version: 1, text: report } });
  assert.deepEqual(codes(await climbing.waitFor(ws.reportUri, (p) => p.version === 1)), ['1 unknown-template']);
  // The same template inside the folder is used.
  writeFileSync(join(ws.root, '.decuong/templates/ngoai.md'), '---\nid: ngoai\n---\n# I. NGOÀI\n# II. THÊM\n');
  const inside = await startServer({ workspaceFolder: ws.root });
  t.after(() => inside.stop());
  inside.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.reportUri, languageId: 'markdown', version: 1, text: report } });
  assert.deepEqual(codes(await inside.waitFor(ws.reportUri, (p) => p.version === 1)), ['3 missing-section']);
});

test('settings the checker cannot use are said in the report info, in the UI language, until they are fixed', async (t) => {
  const ws = workspace();
  // A workspace template's own level (`khu-pho`) is a level for `decuong.cap`.
  writeFileSync(join(ws.root, '.decuong/templates/khu-pho.md'), '---\nid: khu-pho\npages: { khu phố: 3 }\n---\n# I. KẾT QUẢ\n');
  const settings: Record<string, unknown> = { template: 'bao-cao-quyy', cap: 'cấp ấp', placeholders: { extra: ['(', 'x*', '\\[\\?\\]'] }, pages: { margins: '200,20,30,15' } };
  const server = await startServer({ workspaceFolder: ws.root, settings, locale: 'vi' });
  t.after(() => server.stop());
  const infoOf = async (pred: (p: { version: number; settingProblems?: Array<{ setting: string; message: string }> }) => boolean) => {
    for (let waited = 0; waited < 10_000; waited += 20) {
      const seen = server.notifications.map((n) => n.params as { uri: string; version: number; settingProblems?: Array<{ setting: string; message: string }> }).filter((p) => p.uri === ws.reportUri).find(pred);
      if (seen) return seen;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no such report info; got ${JSON.stringify(server.notifications)}`);
  };
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.reportUri, languageId: 'markdown', version: 1, text: report } });
  const first = await infoOf((p) => p.version === 1);
  assert.deepEqual(first.settingProblems?.map((p) => p.setting), ['decuong.template', 'decuong.cap', 'decuong.placeholders.extra', 'decuong.placeholders.extra', 'decuong.pages.margins']);
  const said = first.settingProblems!.map((p) => p.message).join('\n');
  assert.match(said, /“bao-cao-quyy”.*gần nhất: bao-cao-quy/);
  assert.match(said, /“cấp ấp”, không phải một cấp đã biết.*khu-pho/);
  assert.match(said, /Mẫu “\(”/);
  assert.match(said, /Mẫu “x\*”/);
  assert.doesNotMatch(said, /\\\[/, 'a valid pattern is not reported');
  // Fixed values (a cap as people write it, the workspace's own level) are no problem.
  settings.template = 'bao-cao-quy';
  settings.cap = 'Khu phố';
  settings.placeholders = { extra: ['\\[\\?\\]'] };
  settings.pages = { margins: '20,20,30,15' };
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const fixed = await infoOf((p) => p.version === 1 && p !== first && p.settingProblems === undefined);
  assert.equal(fixed.settingProblems, undefined);
});
