// What the editor does with the extension's contributions: fix-all on save, snippets, a severity
// setting turned off live.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openReport, poll, waitForDiagnostics, withCode } from './helpers';

describe('editor integration', () => {
  const markdown = () => vscode.workspace.getConfiguration('', { languageId: 'markdown' });

  afterEach(async () => {
    await markdown().update('editor.codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await vscode.workspace.getConfiguration('decuong').update('severity.placeholder', undefined, vscode.ConfigurationTarget.Workspace);
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.path.includes('/bao-cao/'))) {
      await vscode.window.showTextDocument(doc);
      while (doc.isDirty) await vscode.commands.executeCommand('undo');
    }
  });

  it('source.fixAll.decuong runs on save through editor.codeActionsOnSave', async () => {
    await markdown().update('editor.codeActionsOnSave', { 'source.fixAll.decuong': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const doc = await openReport('bao-cao', 'luu-tu-sua.md');
    await waitForDiagnostics(doc.uri, (ds) => withCode(ds, 'missing-section').length === 2, 'two missing sections');
    const original = doc.getText();
    const editor = await vscode.window.showTextDocument(doc);
    // An explicit save (as Ctrl+S) of a changed document.
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), 'Thêm một dòng.\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await poll(async () => (!doc.isDirty && doc.getText().includes('NỘI DUNG') ? true : undefined), 'the saved document has the inserted sections');
    await waitForDiagnostics(doc.uri, (ds) => withCode(ds, 'missing-section').length === 0, 'no missing section after saving');
    // Only insertions: the author's text is all still there, in order.
    let i = 0;
    for (const c of original) i = doc.getText().indexOf(c, i) + 1;
    assert.ok(i > 0);
    // Put the file back as it was for the other tests.
    const restore = new vscode.WorkspaceEdit();
    restore.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
    await vscode.workspace.applyEdit(restore);
    await doc.save();
  });

  it('a snippet expands to a whole outline (dc-ke-hoach)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    const snippets = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.extensions.getExtension('decuong.decuong')!.extensionUri, 'snippets/decuong.code-snippets'))).toString('utf8'));
    const entry = snippets['Đề cương: ke-hoach'];
    assert.ok(entry.prefix.includes('dc-ke-hoach'));
    await editor.insertSnippet(new vscode.SnippetString(entry.body.join('\n')));
    assert.match(doc.getText(), /^---\ndecuong: ke-hoach\n---\n# /);
    await waitForDiagnostics(doc.uri, (ds) => ds.length >= 0 && withCode(ds, 'missing-section').length === 0 && doc.getText().includes('TỔ CHỨC THỰC HIỆN'), 'the expanded outline has every section');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('decuong.severity.placeholder = "off" hides blanks without a reload', async () => {
    const doc = await openReport('bao-cao', 'cho-trong-tat.md');
    await waitForDiagnostics(doc.uri, (ds) => withCode(ds, 'placeholder').length === 1, 'one placeholder');
    await vscode.workspace.getConfiguration('decuong').update('severity.placeholder', 'off', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, (ds) => withCode(ds, 'placeholder').length === 0, 'no placeholder once the check is off');
  });
});
