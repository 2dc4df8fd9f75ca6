// Code actions found wrong by driving the server as an editor does: two missing sections reported
// on the same heading, and fix-all asked for on an outline template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { startServer } from './lsp.ts';

const uri = 'file:///tmp/decuong-protocol/ca-qa.md';

function applyAction(docUri: string, text: string, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create(docUri, 'markdown', 1, text), change.edits as TextEdit[]);
}

const ask = (server: Awaited<ReturnType<typeof startServer>>, docUri: string, diagnostics: Diagnostic[], only?: string[]) =>
  server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: docUri },
    range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;

test('two sections missing after the same heading: each diagnostic offers its own section, and fix-all of the kind inserts both, numbered in turn', async (t) => {
  // The plan outline without II. and III. (III. is optional: IV. KHEN THƯỞNG optional too; V. required).
  const text = '---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n# I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n';
  const server = await startServer();
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const { diagnostics } = await server.waitFor(uri, (p) => p.version === 1);
  const missing = diagnostics.filter((d) => d.code === 'missing-section');
  assert.equal(missing.length, 2, JSON.stringify(missing.map((d) => d.message)));
  assert.deepEqual(missing[0]!.range, missing[1]!.range, 'both on the same heading');
  const titles: string[] = [];
  for (const d of missing) {
    const preferred = (await ask(server, uri, [d], ['quickfix'])).find((a) => a.isPreferred)!;
    titles.push(preferred.title);
    // The title's words (the fix names the number it inserts, which may not be the outline's).
    const wanted = /“([^”]+)”/.exec(String(d.message))![1]!.replace(/^\S+\s/, '');
    assert.ok(preferred.title.includes(wanted), `${preferred.title} inserts ${wanted}`);
  }
  assert.notEqual(titles[0], titles[1]);
  const all = (await ask(server, uri, [missing[1]!], ['quickfix'])).find((a) => /Fix all/.test(a.title))!;
  const fixed = applyAction(uri, text, all);
  assert.match(fixed, /^# II\. NỘI DUNG$/m);
  assert.match(fixed, /^# III\. TỔ CHỨC THỰC HIỆN$/m, fixed);
});

test('fix-all and the fix-report command leave an outline template alone', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'decuong-ws-'));
  mkdirSync(join(root, '.decuong/templates'), { recursive: true });
  const templatePath = join(root, '.decuong/templates/quy.md');
  const template = '---\nid: bao-cao-quy\n---\n# I. KẾT QUẢ\nNêu kết quả.\nII. Không nêu lại số liệu đã báo cáo.\n# II. PHƯƠNG HƯỚNG\n';
  writeFileSync(templatePath, template);
  const templateUri = pathToFileURL(templatePath).href;
  const server = await startServer({ workspaceFolder: root });
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: templateUri, languageId: 'markdown', version: 1, text: template } });
  await server.waitFor(templateUri, (p) => p.version === 1);
  assert.deepEqual(await ask(server, templateUri, [], ['source.fixAll']), []);
  const done = await server.connection.sendRequest('workspace/executeCommand', { command: 'decuong.server.fixReport', arguments: [templateUri] }) as { inserted: number };
  assert.equal(done.inserted, 0);
  assert.equal(server.appliedEdits.length, 0);
});

test('fix-all of joined paragraphs is applied in turns: none is left for a second pass', async (t) => {
  // A report pasted from Word: a blank line before “1. …” makes it a list, whose next line is then
  // found joined to it only on the new text.
  const text = readFileSync(join(import.meta.dirname, '../fixtures/protocol/joined-in-turns.md'), 'utf8');
  const server = await startServer();
  t.after(() => server.stop());
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const { diagnostics } = await server.waitFor(uri, (p) => p.version === 1);
  const joined = diagnostics.filter((d) => d.code === 'joined-paragraph');
  assert.ok(joined.length > 5);
  const all = (await ask(server, uri, [joined[0]!], ['quickfix'])).find((a) => /Fix all/.test(a.title))!;
  const fixed = applyAction(uri, text, all);
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  const after = await server.waitFor(uri, (p) => p.version === 2);
  assert.deepEqual(after.diagnostics.filter((d) => d.code === 'joined-paragraph').map((d) => d.range.start.line), []);
});
