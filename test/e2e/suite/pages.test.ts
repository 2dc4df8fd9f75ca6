// The page estimate as VS Code shows it: a page-limit diagnostic where the first page past the
// limit begins, page-break code lenses, and both following edits and settings without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openReport, poll, show, waitForDiagnostics, withCode } from './helpers';

describe('page estimate', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('decuong').update('pages.showBreaks', undefined, vscode.ConfigurationTarget.Workspace);
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.path.includes('/bao-cao/'))) {
      await vscode.window.showTextDocument(doc);
      while (doc.isDirty) await vscode.commands.executeCommand('undo');
    }
  });

  it('flags a report over its page limit where page 3 begins; cutting text clears it', async () => {
    const doc = await openReport('bao-cao', 'vuot-so-trang.md');
    const ds = await waitForDiagnostics(doc.uri, (all) => withCode(all, 'page-limit').length === 1, 'a page-limit diagnostic');
    const d = withCode(ds, 'page-limit')[0]!;
    assert.match(d.message, /over the limit of 2 pages|vượt giới hạn 2 trang/, show(ds));
    const lenses = await poll(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return all && all.length >= 2 ? all : undefined;
    }, 'page-break code lenses');
    const page3 = lenses.find((l) => /Page 3|Trang 3/.test(l.command?.title ?? ''));
    assert.ok(page3, lenses.map((l) => l.command?.title).join(' | '));
    assert.equal(d.range.start.line, page3.range.start.line, 'the diagnostic sits where page 3 begins');
    // Cut the extra paragraphs at the end: the report fits again.
    const from = lineOf(doc, /^Đoạn văn bổ sung số 1:/);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, new vscode.Range(from, 0, doc.lineCount, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, (all) => withCode(all, 'page-limit').length === 0, 'no page-limit after the cut');
  });

  it('page breaks can be switched off by setting, without a reload', async () => {
    const doc = await openReport('bao-cao', 'vuot-so-trang.md');
    await waitForDiagnostics(doc.uri, (all) => withCode(all, 'page-limit').length === 1, 'a page-limit diagnostic');
    await vscode.workspace.getConfiguration('decuong').update('pages.showBreaks', false, vscode.ConfigurationTarget.Workspace);
    await poll(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return all && all.length === 0 ? true : undefined;
    }, 'no code lenses once showBreaks is off');
  });
});
