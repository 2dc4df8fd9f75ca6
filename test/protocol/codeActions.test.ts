import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { startServer } from './lsp.ts';

const uri = 'file:///tmp/decuong-protocol/ca.md';

/** Applies a code action's versioned edit the way a client would. */
function applyAction(text: string, version: number, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.equal(change.textDocument.version, version, 'the edit names the document version it was made for');
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), change.edits as TextEdit[]);
}

async function open(text: string, settings?: Record<string, unknown>) {
  const server = await startServer({ settings });
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const published = await server.waitFor(uri, (p) => p.version === 1);
  return { server, diagnostics: published.diagnostics };
}

const ask = (server: Awaited<ReturnType<typeof startServer>>, diagnostics: Diagnostic[], only?: string[]) =>
  server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;

test('renumber quick fix for a numbering diagnostic applies cleanly and clears the run', async (t) => {
  const text = '# BÁO CÁO\r\n\r\n## I. A\r\n\r\n## II. B\r\n\r\n## II. C\r\n\r\nVăn bản.\r\n\r\n## 4. D\r\n';
  const { server, diagnostics } = await open(text);
  t.after(() => server.stop());
  const numbering = diagnostics.filter((d) => d.code === 'numbering');
  assert.deepEqual(numbering.map((d) => d.range.start.line), [6, 10]);
  const actions = await ask(server, [numbering[0]!]);
  const renumber = actions.find((a) => a.kind === 'quickfix' && a.isPreferred)!;
  assert.match(renumber.title, /Renumber the 4 sibling sections/);
  const fixed = applyAction(text, 1, renumber);
  assert.equal(fixed, '# BÁO CÁO\r\n\r\n## I. A\r\n\r\n## II. B\r\n\r\n## III. C\r\n\r\nVăn bản.\r\n\r\n## IV. D\r\n');
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  const after = await server.waitFor(uri, (p) => p.version === 2);
  assert.deepEqual(after.diagnostics.filter((d) => d.code === 'numbering'), []);
});

test('heading-not-marked quick fix, fix-all of one code, and source.fixAll.decuong', async (t) => {
  const text = '# BÁO CÁO\n\n## I. MỤC ĐÍCH\n\nNội dung.\n\nII. THỜI GIAN\n\nNội dung.\n\nIII. KINH PHÍ\n\n## V. KHÁC\n';
  const { server, diagnostics } = await open(text);
  t.after(() => server.stop());
  const unmarked = diagnostics.filter((d) => d.code === 'heading-not-marked');
  assert.deepEqual(unmarked.map((d) => d.range.start.line), [6, 10]);
  const actions = await ask(server, [unmarked[0]!], ['quickfix']);
  assert.deepEqual(actions.map((a) => a.title), ['Make it a “##” heading', 'Fix all in the file: Section title not marked as a heading']);
  assert.equal(applyAction(text, 1, actions[0]!), text.replace('\nII. THỜI GIAN', '\n## II. THỜI GIAN'));
  assert.equal(applyAction(text, 1, actions[1]!), text.replace('\nII. THỜI GIAN', '\n## II. THỜI GIAN').replace('\nIII. KINH', '\n## III. KINH'));
  const fixAll = await ask(server, [], ['source.fixAll']);
  assert.equal(fixAll.length, 1);
  assert.equal(fixAll[0]!.kind, 'source.fixAll.decuong');
  const all = applyAction(text, 1, fixAll[0]!);
  // Fix-all only inserts (safe on save): numbers are left to the explicit renumber fix.
  assert.equal(all, text.replace('\nII. THỜI GIAN', '\n## II. THỜI GIAN').replace('\nIII. KINH', '\n## III. KINH'));
});

test('joined-paragraph: the quick fix inserts a blank line; source.fixAll separates the paragraphs and marks the titles, the insert-missing command only the titles', async (t) => {
  const text = 'BÁO CÁO\r\nI. MỤC ĐÍCH\r\nNội dung thứ nhất.\r\nII. THỜI GIAN\r\nNội dung thứ hai.\r\n';
  const { server, diagnostics } = await open(text);
  t.after(() => server.stop());
  const joined = diagnostics.filter((d) => d.code === 'joined-paragraph');
  // Each on the line's first word: “I.”, “Nội”, “II.”, “Nội”.
  assert.deepEqual(joined.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]), [[1, 0, 1, 2], [2, 0, 2, 3], [3, 0, 3, 3], [4, 0, 4, 3]]);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'heading-not-marked').map((d) => d.range.start.line), [1, 3]);
  const [blank, all] = await ask(server, [joined[1]!], ['quickfix']);
  assert.equal(blank!.title, 'Insert a blank line before it');
  assert.equal(applyAction(text, 1, blank!), text.replace('\r\nNội dung thứ nhất', '\r\n\r\nNội dung thứ nhất'));
  assert.equal(all!.title, 'Fix all in the file: Paragraph runs into the one above');
  assert.equal(applyAction(text, 1, all!), text.replace(/\r\n(?=.)/g, '\r\n\r\n'));

  const [fixAll] = await ask(server, [], ['source.fixAll']);
  const fixed = applyAction(text, 1, fixAll!);
  assert.equal(fixed, 'BÁO CÁO\r\n\r\n# I. MỤC ĐÍCH\r\n\r\nNội dung thứ nhất.\r\n\r\n# II. THỜI GIAN\r\n\r\nNội dung thứ hai.\r\n');
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.deepEqual((await server.waitFor(uri, (p) => p.version === 2)).diagnostics.map((d) => d.code), ['no-template']);

  // The insert-missing command marks titles (so that they are not inserted twice), no blank lines.
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  await server.waitFor(uri, (p) => p.version === 3);
  assert.deepEqual(await server.connection.sendRequest('workspace/executeCommand', { command: 'decuong.server.insertMissingSections', arguments: [uri] }), { applied: true, inserted: 2, left: 0 });
  const change = (server.appliedEdits.at(-1)!.edit as { documentChanges: TextDocumentEdit[] }).documentChanges[0]!;
  assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 3, text), change.edits as TextEdit[]), text.replace('I. MỤC', '# I. MỤC').replace('II. THỜI', '# II. THỜI'));
});

test('the fix-report command also takes away the indent that a marked title leaves as code (fix-all does not)', async (t) => {
  const text = 'BÁO CÁO\nI. MỤC ĐÍCH\n\tNội dung thứ nhất.\n';
  const { server } = await open(text);
  t.after(() => server.stop());
  const [fixAll] = await ask(server, [], ['source.fixAll']);
  assert.equal(applyAction(text, 1, fixAll!), 'BÁO CÁO\n\n# I. MỤC ĐÍCH\n\tNội dung thứ nhất.\n', 'fix-all only inserts: the tab stays');
  const done = (await server.connection.sendRequest('workspace/executeCommand', { command: 'decuong.server.fixReport', arguments: [uri] })) as { applied: boolean; inserted: number };
  assert.ok(done.applied && done.inserted > 0);
  const edit = server.appliedEdits.at(-1)!;
  assert.equal(edit.label, 'Fix the report');
  const change = (edit.edit as { documentChanges: TextDocumentEdit[] }).documentChanges[0]!;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), change.edits as TextEdit[]);
  assert.equal(fixed, 'BÁO CÁO\n\n# I. MỤC ĐÍCH\n\nNội dung thứ nhất.\n');
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.deepEqual((await server.waitFor(uri, (p) => p.version === 2)).diagnostics.map((d) => d.code), ['no-template']);
});

test('the fix-report command separates a joined line indented as code and takes its indent away (fix-all only inserts)', async (t) => {
  const text = 'BÁO CÁO\n\nĐoạn văn kết thúc câu.\n        Dòng thụt sâu mở đầu đoạn mới.\n';
  const { server, diagnostics } = await open(text);
  t.after(() => server.stop());
  assert.ok(diagnostics.some((d) => d.code === 'joined-paragraph'));
  const [fixAll] = await ask(server, [], ['source.fixAll']);
  assert.equal(fixAll, undefined, 'nothing fix-all may do: the only fix removes an indent');
  await server.connection.sendRequest('workspace/executeCommand', { command: 'decuong.server.fixReport', arguments: [uri] });
  const change = (server.appliedEdits.at(-1)!.edit as { documentChanges: TextDocumentEdit[] }).documentChanges[0]!;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), change.edits as TextEdit[]);
  assert.equal(fixed, 'BÁO CÁO\n\nĐoạn văn kết thúc câu.\n\nDòng thụt sâu mở đầu đoạn mới.\n');
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.deepEqual((await server.waitFor(uri, (p) => p.version === 2)).diagnostics.map((d) => d.code), ['no-template']);
});

test('no action for a stale or foreign diagnostic; only= is respected', async (t) => {
  const { server, diagnostics } = await open('## I. A\n\n## III. B\n');
  t.after(() => server.stop());
  const foreign = { ...diagnostics[0]!, source: 'markdownlint' };
  assert.deepEqual(await ask(server, [foreign]), []);
  assert.deepEqual(await ask(server, diagnostics, ['refactor']), []);
});

test('source.fixAll returns one edit that inserts every missing section; the next publication has none', async (t) => {
  const text = '---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\n---\n# BÁO CÁO\n\n## I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT\n\nĐã triển khai.\n';
  const { server, diagnostics } = await open(text);
  t.after(() => server.stop());
  assert.ok(diagnostics.filter((d) => d.code === 'missing-section').length >= 4);
  const actions = await ask(server, [], ['source.fixAll']);
  assert.equal(actions.length, 1);
  assert.equal((actions[0]!.edit!.documentChanges as TextDocumentEdit[]).length, 1, 'one document edit: one undo');
  const fixed = applyAction(text, 1, actions[0]!);
  assert.ok(fixed.startsWith(text.slice(0, -1)), 'only inserted after the existing text');
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  const after = await server.waitFor(uri, (p) => p.version === 2);
  assert.deepEqual(after.diagnostics.filter((d) => d.code === 'missing-section'), []);
});

test('the missing-section quick fix inserts the heading; the section-title fix keeps the number', async (t) => {
  const text = '---\ndecuong: ke-hoach\n---\n# I. MỤC ĐÍCH, YÊU CẦU\n\n# II. NỘI DUG\n';
  const { server, diagnostics } = await open(text, { insert: { guidance: false } });
  t.after(() => server.stop());
  const miss = diagnostics.find((d) => d.code === 'missing-section')!;
  const [insert] = await ask(server, [miss], ['quickfix']);
  // Named as it goes in: the report's “III.”, not the outline's “V.”.
  assert.equal(insert!.title, 'Insert section “III. TỔ CHỨC THỰC HIỆN”');
  assert.equal(applyAction(text, 1, insert!), text + '\n# III. TỔ CHỨC THỰC HIỆN\n');
  const title = diagnostics.find((d) => d.code === 'section-title')!;
  const [rename] = await ask(server, [title], ['quickfix']);
  assert.equal(applyAction(text, 1, rename!), text.replace('NỘI DUG', 'NỘI DUNG'));
});

test('hover, completion, checklist and skeleton requests', async (t) => {
  const text = '---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\n## \n';
  const { server } = await open(text);
  t.after(() => server.stop());
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 5 } })) as { contents: { value: string } };
  assert.match(hover.contents.value, /\*\*I\. MỤC ĐÍCH, YÊU CẦU\*\* — required/);
  const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 3 } })) as Array<{ label: string; textEdit: { newText: string } }>;
  assert.deepEqual(items.map((i) => i.label).slice(0, 1), ['II. NỘI DUNG']);
  assert.equal(items[0]!.textEdit.newText, ' II. NỘI DUNG');
  const list = (await server.connection.sendRequest('decuong/checklist', { uri })) as { counts: { required: number; present: number }; items: Array<{ state: string; line?: number }> };
  assert.equal(list.counts.required, 3);
  assert.equal(list.counts.present, 1);
  assert.deepEqual([list.items[0]!.state, list.items[0]!.line], ['present', 5]);
  const skeleton = (await server.connection.sendRequest('decuong/skeleton', { id: 'ke-hoach' })) as string;
  assert.match(skeleton, /^---\ndecuong: ke-hoach\n---\n# /);
  assert.equal(await server.connection.sendRequest('decuong/skeleton', { id: 'khong-co' }), null);
});

test('insert-missing leaves out a missing section whose number a section in its place has, and says how many: no two sections of one number', async (t) => {
  const text = '# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung mở đầu.\n\n## II. CÁC HOẠT ĐỘNG CHÍNH\n\nHội nghị gồm ba phần.\n';
  const { server, diagnostics } = await open(text);
  t.after(() => server.stop());
  const inPlace = diagnostics.find((d) => d.code === 'missing-section' && String(d.message).startsWith('Missing section “II. NỘI DUNG”'))!;
  const actions = (await ask(server, [inPlace], ['quickfix'])).filter((a) => a.title.startsWith('Insert') || a.title.startsWith('Rename'));
  assert.deepEqual(actions.map((a) => [a.title, Boolean(a.isPreferred)]), [['Insert section “II. NỘI DUNG”', false], ['Rename “II. CÁC HOẠT ĐỘNG CHÍNH” to “II. NỘI DUNG”', false]]);
  const [fixAll] = await ask(server, [], ['source.fixAll']);
  const fixed = applyAction(text, 1, fixAll!);
  assert.ok(fixed.startsWith(`${text}\n## III. TỔ CHỨC THỰC HIỆN\n`), fixed);
  assert.equal(fixed.match(/^## /gm)!.length, 3, fixed);
  assert.deepEqual(await server.connection.sendRequest('workspace/executeCommand', { command: 'decuong.server.insertMissingSections', arguments: [uri] }), { applied: true, inserted: 1, left: 1 });
});
