// The extension's own UI: “New report from an outline”, “Choose outline template”, the Explorer
// view “Đề cương” (checklist of the outline's sections) and the walkthrough's manifest entries.
// The commands take `{ id, cap, uri }` to skip their quick picks; the view's data provider comes
// from the extension's exports (client/src/api.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecuongApi } from '../../../client/src/api';
import type { ChecklistEntry } from '../../../client/src/checklist';
import type { ReportInfoParams } from '../../../server/src/protocol';
import { EXTENSION_ID, STRUCTURAL, WAIT_MS, activate, codeOf, lineOf, openReport, ours, poll, show, waitForDiagnostics, withCode } from './helpers';

async function api(): Promise<DecuongApi> {
  await activate();
  const exports = vscode.extensions.getExtension<DecuongApi>(EXTENSION_ID)?.exports;
  assert.ok(exports?.checklist, 'activate() returns the extension API');
  return exports;
}

/**
 * Resolves with the server's report info for the current version of `doc` once `predicate` holds
 * for it — now or at a later `decuong/reportInfo` — and fails after WAIT_MS.
 */
function reportInfo(a: DecuongApi, doc: vscode.TextDocument, predicate: (i: ReportInfoParams) => boolean, what: string): Promise<ReportInfoParams> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const info = a.reportInfo(doc.uri);
      if (!info || info.version !== doc.version || !predicate(info)) return false;
      cleanup();
      resolve(info);
      return true;
    };
    const sub = a.onDidReportInfo((p) => p.uri === doc.uri.toString() && done());
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; last report info: ${JSON.stringify(a.reportInfo(doc.uri))}, document version ${doc.version}`));
    }, WAIT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    done();
  });
}

/** Every row of the checklist view, depth first: title, state, and the tree item VS Code shows. */
function rows(a: DecuongApi): Array<{ entry: ChecklistEntry; item: vscode.TreeItem }> {
  const walk = (entries: ChecklistEntry[]): Array<{ entry: ChecklistEntry; item: vscode.TreeItem }> =>
    entries.flatMap((entry) => [{ entry, item: a.checklist.getTreeItem(entry) as vscode.TreeItem }, ...walk(a.checklist.getChildren(entry) as ChecklistEntry[])]);
  return walk(a.checklist.getChildren() as ChecklistEntry[]);
}

const structural = (ds: vscode.Diagnostic[]) => ds.filter((d) => STRUCTURAL.has(codeOf(d)));
const hasMissing = (title: string) => (ds: vscode.Diagnostic[]) => withCode(ds, 'missing-section').some((d) => d.message.includes(title));

describe('new report, outline choice, checklist view', () => {
  // Leave no edited or untitled document behind for the other suites.
  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isUntitled || (d.isDirty && d.uri.path.includes('/bao-cao/')))) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('the commands are registered, the old “showTemplates” name included', async () => {
    await api();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['decuong.newReport', 'decuong.chooseTemplate', 'decuong.revealSection', 'decuong.showTemplates', 'decuong.insertMissingSections', 'decuong.fixReport']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });

  it('decuong.newReport with { id, cap } opens an untitled report with every section of the outline: no missing-section', async () => {
    const a = await api();
    for (const choice of [{ id: 'so-ket-giua-nhiem-ky-2019-2024', cap: 'xa' }, { id: 'ke-hoach' }, { id: 'bao-cao-thang-khu-dan-cu' }]) {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('decuong.newReport', choice);
      assert.ok(doc, `newReport ${JSON.stringify(choice)} returned a document`);
      assert.equal(doc.isUntitled, true);
      assert.equal(doc.languageId, 'markdown');
      assert.equal(vscode.window.activeTextEditor?.document, doc, 'the new report is in the active editor');
      const head = doc.getText().split(/\r?\n/).slice(0, 5);
      assert.deepEqual(head.slice(0, 1 + (choice.cap ? 3 : 2)), ['---', `decuong: ${choice.id}`, ...(choice.cap ? [`cap: ${choice.cap}`] : []), '---'], doc.getText().slice(0, 200));

      const info = await reportInfo(a, doc, () => true, `the new “${choice.id}” report to be checked`);
      assert.equal(info.template?.id, choice.id);
      assert.equal(info.selectedBy, 'front-matter');
      assert.equal(info.missing, 0, 'the server counts no missing section');
      // The checklist answer comes after the check's diagnostics were published.
      await a.checklist.refresh();
      const result = a.checklist.current?.result;
      assert.equal(a.checklist.current?.uri, doc.uri.toString());
      assert.ok(result && result.counts.required > 0, `checklist of the new report: ${JSON.stringify(result?.counts)}`);
      assert.equal(result.counts.missing, 0);
      assert.equal(result.counts.present, result.counts.required);
      const ds = ours(doc.uri);
      assert.deepEqual(withCode(ds, 'missing-section'), [], show(ds));
      assert.deepEqual(structural(ds), [], show(ds));
    }
  });

  it('decuong.chooseTemplate with { id } writes the front matter in one undoable edit, and the diagnostics follow that template', async () => {
    const a = await api();
    const doc = await openReport('bao-cao', 'chon-mau.md');
    const original = doc.getText();
    // No front matter: the title chooses the plan outline, which the report follows.
    const before = await reportInfo(a, doc, (i) => i.template !== undefined, 'the report to be checked against its title’s outline');
    assert.deepEqual([before.template?.id, before.selectedBy, before.missing], ['ke-hoach', 'title', 0]);

    assert.equal(await vscode.commands.executeCommand('decuong.chooseTemplate', { id: 'bao-cao-thang-khu-dan-cu' }), true);
    assert.equal(doc.getText(), `---\ndecuong: bao-cao-thang-khu-dan-cu\n---\n${original}`);
    const after = await waitForDiagnostics(doc.uri, hasMissing('I. TÌNH HÌNH NHÂN DÂN Ở KHU DÂN CƯ'), 'missing-section from the chosen workspace template');
    assert.ok(hasMissing('III. NHIỆM VỤ THÁNG TỚI')(after), show(after));
    assert.deepEqual(withCode(after, 'unknown-template'), [], show(after));
    const info = await reportInfo(a, doc, (i) => i.template?.id === 'bao-cao-thang-khu-dan-cu', 'the chosen template in the report info');
    assert.equal(info.selectedBy, 'front-matter');

    // One undo takes the front matter out again, and the title's outline is back.
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('undo');
    await poll(async () => (doc.getText() === original ? true : undefined), 'one undo to restore the report', 5_000);
    assert.equal(doc.isDirty, false, 'undo back to the saved text leaves the document clean');
    await reportInfo(a, doc, (i) => i.template?.id === 'ke-hoach', 'the title’s outline after undo');
    const back = await waitForDiagnostics(doc.uri, (ds) => withCode(ds, 'missing-section').length === 0, 'missing-section to go away after undo');
    assert.deepEqual(structural(back), [], show(back));
  });

  it('decuong.chooseTemplate with { id, cap, uri } replaces “decuong:” and “cap:” in place and keeps CRLF line endings', async () => {
    const a = await api();
    const text = ['---', 'decuong: ke-hoach', 'cap: huyen', 'tieu-de: Báo cáo sơ kết', '---', '# BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ', '', '## I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT', '', 'Đã triển khai đến 100% chi bộ.', ''];
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text.join('\r\n') });
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    await reportInfo(a, doc, (i) => i.template?.id === 'ke-hoach', 'the plan outline named in the front matter');

    const ok = await vscode.commands.executeCommand('decuong.chooseTemplate', { id: 'so-ket-giua-nhiem-ky-2019-2024', cap: 'xa', uri: doc.uri.toString() });
    assert.equal(ok, true);
    const expected = [...text];
    expected.splice(1, 2, 'decuong: so-ket-giua-nhiem-ky-2019-2024', 'cap: xa');
    assert.equal(doc.getText(), expected.join('\r\n'));
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    assert.ok(!/[^\r]\n/.test(doc.getText()), 'no LF-only line ending');

    await reportInfo(a, doc, (i) => i.template?.id === 'so-ket-giua-nhiem-ky-2019-2024', 'the chosen outline in the report info');
    const ds = await waitForDiagnostics(doc.uri, hasMissing('KẾT QUẢ 03 NĂM THỰC HIỆN NGHỊ QUYẾT'), 'missing-section from the mid-term review outline');
    assert.deepEqual(withCode(ds, 'unknown-template'), [], show(ds));

    // An unknown id changes nothing.
    assert.equal(await vscode.commands.executeCommand('decuong.chooseTemplate', { id: 'khong-co-mau-nay', uri: doc.uri.toString() }), false);
    assert.equal(doc.getText(), expected.join('\r\n'));
  });

  it('the checklist view lists every section of the active report’s outline with its state, and follows edits', async () => {
    const a = await api();
    await vscode.commands.executeCommand('decuong.checklist.focus');
    const doc = await openReport('bao-cao', 'bang-kiem.md');
    await poll(
      async () => (a.checklist.current?.uri === doc.uri.toString() && a.checklist.current.result?.version === doc.version ? true : undefined),
      'the view to show bang-kiem.md',
    );
    assert.equal(a.checklist.state, 'checklist');
    const shown = rows(a);
    assert.deepEqual(
      shown.map(({ entry }) => [entry.node.title, entry.node.state]),
      [
        ['I. TÌNH HÌNH NHÂN DÂN Ở KHU DÂN CƯ', 'present'],
        ['II. KẾT QUẢ CÔNG TÁC TRONG THÁNG', 'present'],
        ['1. Công tác tuyên truyền, vận động', 'placeholder'],
        ['2. Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”', 'missing'],
        ['III. NHIỆM VỤ THÁNG TỚI', 'empty'],
        ['IV. KIẾN NGHỊ, ĐỀ XUẤT (nếu có)', 'optional-missing'],
      ],
    );
    assert.deepEqual(a.checklist.current?.result?.counts, { required: 5, present: 4, missing: 1, empty: 1, placeholders: 1 });

    // Icons by state; a present section's row goes to its heading, a missing one's goes nowhere.
    assert.deepEqual(
      shown.map(({ item }) => (item.iconPath as vscode.ThemeIcon).id),
      ['pass', 'pass', 'warning', 'error', 'circle-large-outline', 'circle-slash'],
    );
    assert.ok(shown.every(({ item }) => typeof item.description === 'string' && item.description.length > 0), 'every row has a description');
    const rowIII = shown[4]!.item;
    assert.equal(rowIII.command?.command, 'decuong.revealSection');
    assert.deepEqual(rowIII.command?.arguments, [doc.uri.toString(), lineOf(doc, /^## III\. NHIỆM VỤ THÁNG TỚI/)]);
    assert.equal(shown[3]!.item.command, undefined);
    assert.equal(shown[1]!.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);

    // Clicking the row: the cursor lands on that heading.
    await vscode.commands.executeCommand(rowIII.command!.command, ...rowIII.command!.arguments!);
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, lineOf(doc, /^## III\. NHIỆM VỤ THÁNG TỚI/));

    // Filling the blank and writing section III: the view follows the report as it is typed.
    const edit = new vscode.WorkspaceEdit();
    const blank = doc.getText().indexOf('.....');
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(blank), doc.positionAt(blank + 5)), '4');
    edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, '\n\nVận động nhân dân tham gia Ngày hội Đại đoàn kết toàn dân tộc.\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
    await poll(
      async () => (a.checklist.current?.result?.version === doc.version && a.checklist.current.result.counts.placeholders === 0 ? true : undefined),
      'the view to follow the edit',
    );
    assert.deepEqual(
      rows(a).map(({ entry }) => entry.node.state),
      ['present', 'present', 'present', 'missing', 'present', 'optional-missing'],
    );
    assert.deepEqual(a.checklist.current?.result?.counts, { required: 5, present: 4, missing: 1, empty: 0, placeholders: 0 });
  });

  it('without an outline, or with an unknown one, the view has no rows (its welcome text offers the commands)', async () => {
    const a = await api();
    const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Ghi chép buổi làm việc với Ban Công tác Mặt trận ấp\n\nNội dung trao đổi.\n' });
    await vscode.window.showTextDocument(notes, { preview: false });
    await reportInfo(a, notes, (i) => i.selectedBy === 'none', 'the notes to be checked without an outline');
    await a.checklist.refresh();
    assert.deepEqual([a.checklist.state, a.checklist.getChildren()], ['noTemplate', []]);

    const unknown = await openReport('bao-cao', 'mau-khong-ton-tai.md');
    await reportInfo(a, unknown, (i) => i.selectedBy === 'unknown', 'the unknown template id to be reported');
    await a.checklist.refresh();
    assert.deepEqual([a.checklist.state, a.checklist.getChildren()], ['unknownTemplate', []]);
  });

  it('the manifest: every %key% in both languages, walkthrough media present, welcome texts for every view state', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const read = async (path: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, path)));
    const manifest = await read('package.json');
    const keys = [...new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!))];
    for (const file of ['package.nls.json', 'package.nls.vi.json']) {
      const nls = JSON.parse(await read(file)) as Record<string, string>;
      const absent = keys.filter((k) => !(k in nls));
      assert.deepEqual(absent, [], `${file} lacks ${absent.join(', ')}`);
      for (const key of Object.keys(nls).filter((k) => /^walkthrough\..*\.media$/.test(k))) {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, nls[key]!)); // throws when absent
      }
    }
    const contributes = JSON.parse(manifest).contributes as { viewsWelcome: Array<{ view: string; when: string }>; walkthroughs: Array<{ steps: unknown[] }> };
    const states = ['noReport', 'noTemplate', 'unknownTemplate', 'templateFile'];
    for (const s of states) assert.ok(contributes.viewsWelcome.some((w) => w.view === 'decuong.checklist' && w.when.includes(`== ${s}`)), `a welcome text for ${s}`);
    assert.equal(contributes.walkthroughs[0]!.steps.length, 3);
  });
});
