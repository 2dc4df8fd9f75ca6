// The page estimate as VS Code shows it: a page-limit diagnostic where the first page past the
// limit begins, page-break code lenses, and both following edits and settings without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecuongApi } from '../../../client/src/api';
import { EXTENSION_ID, lineOf, openReport, openUntitled, poll, show, waitForDiagnostics, withCode } from './helpers';

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
    assert.match(d.message, /over the limit of 2 pages|vượt quá mức tối đa 2 trang/, show(ds));
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

  it('cap: written as people say it (“Xã”) takes that level’s page limit; a cap: that is no level is warned, naming the outline’s levels', async () => {
    const sentence = 'Ban Thường trực Ủy ban MTTQ xã phối hợp với chính quyền tổ chức tuyên truyền, vận động Nhân dân thực hiện tốt các chủ trương của Đảng, chính sách, pháp luật của Nhà nước. ';
    const body = Array.from({ length: 110 }, (_, i) => `Đoạn ${i + 1}. ${sentence.repeat(3)}`).join('\n\n');
    const content = `---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\ncap: Xã\n---\n# BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ\n\n${body}\n`;
    const doc = await openUntitled(content);
    const ds = await waitForDiagnostics(doc.uri, (all) => withCode(all, 'page-limit').length === 1, 'a page-limit diagnostic for cap: Xã');
    assert.match(withCode(ds, 'page-limit')[0]!.message, /over the limit of 12 pages for commune level \(xã\)|vượt quá mức tối đa 12 trang \(cấp xã\)/, show(ds));
    const edit = new vscode.WorkspaceEdit();
    const line = lineOf(doc, /^cap: Xã$/);
    edit.replace(doc.uri, new vscode.Range(line, 0, line, doc.lineAt(line).text.length), 'cap: khu phố');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await waitForDiagnostics(doc.uri, (all) => withCode(all, 'front-matter').length === 1 && withCode(all, 'page-limit').length === 0, 'a front-matter warning for cap: khu phố, no page limit');
    const warning = withCode(after, 'front-matter')[0]!;
    assert.equal(warning.range.start.line, line);
    assert.match(warning.message, /xã/, show(after));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('an outline that limits pages by level, with no level named: the report info carries the limits (the status bar asks for the level); naming it applies one', async () => {
    const api = vscode.extensions.getExtension<DecuongApi>(EXTENSION_ID)?.exports;
    assert.ok(api, 'the extension API');
    const content = '---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\n---\n# BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ\n\nNội dung.\n';
    const doc = await openUntitled(content);
    const pages = await poll(async () => api.reportInfo(doc.uri)?.pages, 'the page estimate of the report');
    assert.equal(pages.limit, undefined);
    assert.deepEqual(pages.levelLimits, { xa: 12, huyen: 15 });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(2, 0), 'cap: xã\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const named = await poll(async () => (api.reportInfo(doc.uri)?.pages?.limit ? api.reportInfo(doc.uri)!.pages : undefined), 'the commune limit to apply');
    assert.equal(named.limit, 12);
    assert.equal(named.levelLimits, undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
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
