import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixture } from '../helpers.ts';
import { startServer } from './lsp.ts';

const uri = 'file:///tmp/decuong-protocol/lifecycle.md';
const codes = (p: { diagnostics: Array<{ code?: unknown; range: { start: { line: number; character: number } } }> }) =>
  p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);

test('a killed server: a new one on the same documents republishes the same diagnostics', async (t) => {
  const text = readFixture('seeds', '004-kiem-diem-tap-the-ban-thuong-truc.md');
  const first = await startServer();
  first.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 3, text } });
  const before = await first.waitFor(uri, (p) => p.version === 3);
  assert.ok(before.diagnostics.length > 3);
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  first.connection.dispose();
  const second = await startServer();
  t.after(() => second.stop());
  second.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 3, text } });
  const after = await second.waitFor(uri, (p) => p.version === 3);
  assert.deepEqual(codes(after), codes(before));
});

test('the server exits when its client goes away (stdin closed), leaving no orphan', async () => {
  const server = await startServer();
  const exited = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
  server.child.stdin!.end();
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000));
  assert.notEqual(await Promise.race([exited, timeout]), 'timeout');
  server.connection.dispose();
});

test('500 edits back to back on a 300-page report: requests stay answered, the last result matches the final text', async (t) => {
  const section = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md').split('\n---\n')[1]!;
  // ≈ 300 pages: the complete report's body repeated under its own front matter.
  let text = '---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\ncap: xa\n---\n' + section.repeat(110);
  const server = await startServer();
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await server.waitFor(uri, (p) => p.version === 1, 30_000);
  const lines = text.split('\n');
  let version = 1;
  let symbolAnswer: Promise<unknown> | undefined;
  let symbolAsked = 0;
  for (let i = 0; i < 500; i++) {
    const line = 40 + ((i * 7919) % (lines.length - 80));
    const pos = { line, character: 0 };
    const insert = i % 5 === 4 ? '.....' : 'ư';
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: pos, end: pos }, text: insert }] });
    lines[line] = insert + lines[line];
    if (i === 250) {
      symbolAsked = Date.now();
      symbolAnswer = server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    }
  }
  text = lines.join('\n');
  const symbols = (await Promise.race([symbolAnswer, new Promise((_, reject) => setTimeout(() => reject(new Error('documentSymbol not answered within 5 s')), 5000))])) as unknown[];
  assert.ok(Array.isArray(symbols) && symbols.length > 0, `symbols answered in ${Date.now() - symbolAsked} ms`);
  const last = await server.waitFor(uri, (p) => p.version === version, 30_000);
  // The same text opened fresh gives the same diagnostics.
  const fresh = await startServer();
  t.after(() => fresh.stop());
  const freshUri = uri.replace('lifecycle', 'fresh');
  fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'markdown', version: 1, text } });
  const expected = await fresh.waitFor(freshUri, (p) => p.version === 1, 30_000);
  assert.deepEqual(codes(last), codes(expected));
  const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version!);
  assert.ok(versions.every((v, i) => i === 0 || v > versions[i - 1]!), 'published versions only increase');
  assert.ok(versions.length < 500, `edits that arrived during a check were merged: ${versions.length} publications for 500 edits`);
});

test('page-limit: a report over its limit is flagged where the first page past it begins; cutting text clears it', async (t) => {
  const body = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md').split('\n---\n')[1]!;
  const head = '---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\ncap: xa\ngioi-han-trang: 5\n---\n';
  const long = head + body + '\n' + 'Đoạn văn bổ sung có nội dung dài để báo cáo vượt quá số trang cho phép của đề cương.\n\n'.repeat(120);
  const server = await startServer();
  t.after(() => server.stop());
  const u = uri.replace('lifecycle', 'pages');
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: long } });
  const over = await server.waitFor(u, (p) => p.version === 1);
  const limit = over.diagnostics.filter((d) => d.code === 'page-limit');
  assert.equal(limit.length, 1);
  assert.match(String(limit[0]!.message), /over the limit of 5 pages/);
  // The report info follows the diagnostics it goes with.
  const infoOf = () => server.notifications.filter((n) => n.method === 'decuong/reportInfo').map((n) => n.params as { uri: string; pages?: { breaks: number[]; limit?: number } }).filter((p) => p.uri === u).pop();
  for (let waited = 0; !infoOf() && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  const info = infoOf()!;
  assert.equal(info.pages!.limit, 5);
  assert.equal(limit[0]!.range.start.line, info.pages!.breaks[4], 'on the line where page 6 begins');
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ text: head + body }] });
  const under = await server.waitFor(u, (p) => p.version === 2);
  assert.deepEqual(under.diagnostics.filter((d) => d.code === 'page-limit'), []);
});
