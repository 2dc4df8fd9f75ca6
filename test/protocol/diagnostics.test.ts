import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixture } from '../helpers.ts';
import { LineIndex } from '../../server/src/core/lines.ts';
import { startServer } from './lsp.ts';

const uri = 'file:///tmp/decuong-protocol/bao-cao.md';
const text = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
const codes = (p: { diagnostics: Array<{ code?: unknown; range: { start: { line: number } } }> }) =>
  p.diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`);

/** The range of the section "2. Thuận lợi" (heading to the next heading) in LSP positions. */
function sectionRange() {
  const start = text.search(/^#+ 2\. Thuận lợi/m);
  const end = text.indexOf("\n#", start) + 1;
  const index = new LineIndex(text);
  return { start: index.position(start), end: index.position(end), removed: text.slice(start, end) };
}

test('diagnostics follow incremental edits, each published with its version', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const first = await server.waitFor(uri, (p) => p.version === 1);
  assert.deepEqual(codes(first), []);

  const { start, end, removed } = sectionRange();
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start, end }, text: '' }],
  });
  const second = await server.waitFor(uri, (p) => p.version === 2);
  // The missing section is reported on "1. Công tác triển khai", the heading it should follow.
  const anchorLine = text.split('\n').findIndex((l) => /^#+ 1\. Công tác triển khai/.test(l));
  // "3. Khó khăn" now follows "1.", with the number the outline gives it: the missing section
  // is the slip, reported once (renumbering "3." would hide it).
  assert.deepEqual(codes(second), [`${anchorLine} missing-section`]);
  const d = second.diagnostics[0]!;
  assert.equal(d.source, 'decuong');
  assert.match(String(d.message), /2\. Thuận lợi/);

  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start, end: start }, text: removed }],
  });
  const third = await server.waitFor(uri, (p) => p.version === 3);
  assert.deepEqual(codes(third), []);
});

test('a burst of edits is coalesced: versions only go up and the newest is published', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await server.waitFor(uri, (p) => p.version === 1);
  const at = new LineIndex(text).position(text.indexOf('Công tác triển khai') + 'Công tác triển khai'.length);
  for (let v = 2; v <= 40; v++) {
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
    });
  }
  const last = await server.waitFor(uri, (p) => p.version === 40);
  const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version!);
  assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'published versions increase');
  assert.ok(versions.length < 40, `coalesced: ${versions.length} publications for 40 versions`);
  // 19 letters glued to the title make it a near match: one section-title, no missing section.
  assert.deepEqual(codes(last).map((c) => c.split(' ')[1]), ['section-title']);
});

test('closing a document clears its diagnostics', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# I. MỤC ĐÍCH, YÊU CẦU\n' } });
  const first = await server.waitFor(uri, (p) => p.version === 1);
  assert.ok(first.diagnostics.length > 0);
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await server.waitFor(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
});

test('messages follow the client locale and unknown template ids get a suggestion', async (t) => {
  const server = await startServer({ locale: 'vi' });
  t.after(() => server.stop());
  const doc = '---\ndecuong: ke-hoach-x\n---\n# I. MỤC ĐÍCH\n';
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: doc } });
  const p = await server.waitFor(uri, (x) => x.version === 1);
  assert.deepEqual(codes(p), ['1 unknown-template']);
  assert.equal(p.diagnostics[0]!.range.start.character, 9);
  assert.match(String(p.diagnostics[0]!.message), /Không có mẫu đề cương “ke-hoach-x”; có phải: “ke-hoach”/);
});

test('settings reach the checks: a code set to ignore is not reported', async (t) => {
  const server = await startServer({ settings: { severity: { 'missing-section': 'ignore', 'no-template': 'hint' } } });
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '---\ndecuong: ke-hoach\n---\n# I. MỤC ĐÍCH, YÊU CẦU\n' } });
  const p = await server.waitFor(uri, (x) => x.version === 1);
  assert.deepEqual(codes(p), []);
});

test('document symbols give the report outline as a tree', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Array<{ name: string; children: Array<{ name: string }> }>;
  assert.equal(symbols[0]!.name.startsWith('I.'), true, symbols[0]!.name);
  assert.deepEqual(symbols[0]!.children.map((c) => c.name.slice(0, 2)), ['1.', '2.', '3.']);
});
