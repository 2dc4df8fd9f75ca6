// Diagnostics of the language server as VS Code shows them: opening reports, editing, undo.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRUCTURAL, codeOf, lineOf, nextDiagnosticsChange, openReport, show, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const hasMissing = (title: string) => (ds: vscode.Diagnostic[]) => withCode(ds, 'missing-section').some((d) => d.message.includes(title));

describe('diagnostics', () => {
  it('a report without a required section gets missing-section on the heading it belongs after; a complete one gets none', async () => {
    // The server checks open documents in the order they were opened, so once the second report's
    // diagnostics are in, the first one's (empty) publication has arrived too.
    const completeUri = workspaceUri('bao-cao', 'ke-hoach-day-du.md');
    const completeChecked = nextDiagnosticsChange(completeUri, 'the complete report to be checked');
    await openReport('bao-cao', 'ke-hoach-day-du.md');
    const doc = await openReport('bao-cao', 'ke-hoach-thieu-muc.md');

    const ds = await waitForDiagnostics(doc.uri, hasMissing('II. NỘI DUNG'), 'missing-section “II. NỘI DUNG”');
    const missing = withCode(ds, 'missing-section');
    assert.equal(missing.length, 1, `one missing section expected:\n${show(ds)}`);
    const d = missing[0]!;
    assert.equal(d.source, 'decuong');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    // “II. NỘI DUNG” belongs after “I. MỤC ĐÍCH, YÊU CẦU”: reported on that heading's line.
    assert.equal(d.range.start.line, lineOf(doc, /^## I\. MỤC ĐÍCH, YÊU CẦU/));
    // The report's own “II. TỔ CHỨC THỰC HIỆN” is matched by title, whatever its number.
    assert.ok(!ds.some((x) => x.message.includes('TỔ CHỨC THỰC HIỆN') && x.message.includes('Missing')), show(ds));

    await completeChecked;
    const complete = vscode.languages.getDiagnostics(completeUri).filter((x) => x.source === 'decuong');
    assert.deepEqual(complete.filter((x) => STRUCTURAL.has(String(x.code))), [], `complete report:\n${show(complete)}`);
  });

  it('inserting the missing heading clears missing-section, and undo brings it back', async () => {
    const doc = await openReport('bao-cao', 'ke-hoach-dang-soan.md');
    const original = doc.getText();
    await waitForDiagnostics(doc.uri, hasMissing('II. NỘI DUNG'), 'missing-section “II. NỘI DUNG”');

    const at = new vscode.Position(lineOf(doc, /^## III\. TỔ CHỨC THỰC HIỆN/), 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, at, '## II. NỘI DUNG\n\nVận động tại 6 ấp, 4 trường học và các doanh nghiệp trên địa bàn xã.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the insertion');
    const after = await waitForDiagnostics(doc.uri, (ds) => withCode(ds, 'missing-section').length === 0, 'missing-section to go away');
    assert.deepEqual(after.filter((x) => STRUCTURAL.has(String(x.code))), [], show(after));

    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'undo restores the text');
    const back = await waitForDiagnostics(doc.uri, hasMissing('II. NỘI DUNG'), 'missing-section to come back after undo');
    assert.equal(withCode(back, 'missing-section')[0]!.range.start.line, lineOf(doc, /^## I\. MỤC ĐÍCH, YÊU CẦU/));
    assert.equal(doc.isDirty, false, 'undo back to the saved text leaves the document clean');
  });

  it('an unknown template id in the front matter gets unknown-template on that line', async () => {
    const doc = await openReport('bao-cao', 'mau-khong-ton-tai.md');
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'unknown-template').length > 0, 'unknown-template');
    const unknown = withCode(ds, 'unknown-template');
    assert.equal(unknown.length, 1, show(ds));
    const d = unknown[0]!;
    assert.equal(d.source, 'decuong');
    assert.equal(d.range.start.line, lineOf(doc, /^decuong: khong-co-mau$/));
    assert.ok(doc.getText(d.range).includes('khong-co-mau'), `range covers the id: “${doc.getText(d.range)}”`);
    assert.match(d.message, /khong-co-mau/);
    // No template, no structural checks.
    assert.deepEqual(ds.filter((x) => STRUCTURAL.has(String(x.code))), [], show(ds));
  });

  it('typing in a Windows (CRLF) report: a two-place edit and key-by-key typing give what a fresh check of the same text gives', async () => {
    // The server re-parses only around each edit, told where it is by VS Code's change events.
    const lines = ['---', 'decuong: ke-hoach', '---', '# KẾ HOẠCH VẬN ĐỘNG ỦNG HỘ QUỸ “VÌ NGƯỜI NGHÈO” NĂM 2024', '', '## I. MỤC ĐÍCH, YÊU CẦU', '',
      'Vận động cán bộ, đảng viên và nhân dân ủng hộ Quỹ, phấn đấu đạt 120 triệu đồng.', '', '- Ấp Bình An phụ trách 40 triệu đồng.', '- Ấp Bình Hòa phụ trách 30 triệu đồng.', '',
      '## III. TỔ CHỨC THỰC HIỆN', '', 'Ban vận động Quỹ xã phân công các thành viên phụ trách từng ấp.', ''];
    // A new file per attempt: a retried test must not meet the edited document of the first one.
    const name = `go-phim-crlf-${Date.now()}.md`;
    await vscode.workspace.fs.writeFile(workspaceUri('bao-cao', name), new TextEncoder().encode(lines.join('\r\n')));
    const doc = await openReport('bao-cao', name);
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    await waitForDiagnostics(doc.uri, hasMissing('II. NỘI DUNG'), 'missing-section “II. NỘI DUNG”');

    // One edit in two places (one didChange with two changes, as multi-cursor typing sends).
    const aim = lineOf(doc, /^Vận động cán bộ/);
    const both = new vscode.WorkspaceEdit();
    both.insert(doc.uri, new vscode.Position(lineOf(doc, /^## III\./), 0), '## II. NỘI DUNG\r\n\r\nVận động tại 6 ấp và các trường học.\r\n\r\n');
    both.insert(doc.uri, doc.lineAt(aim).range.end, ' Còn ..... hộ chưa đăng ký.');
    assert.ok(await vscode.workspace.applyEdit(both), 'applyEdit refused the two-place edit');
    await waitForDiagnostics(doc.uri, (ds) => withCode(ds, 'missing-section').length === 0 && withCode(ds, 'placeholder').some((d) => d.range.start.line === aim), 'missing-section gone and a blank on the first paragraph');

    // Key by key, without waiting, into the list and the last paragraph.
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    for (const [pattern, typed] of [[/^- Ấp Bình Hòa/, ' Hạn nộp ngày __ tháng 11.'], [/^Ban vận động Quỹ xã/, ' Số hộ tham gia: .....']] as const) {
      const line = lineOf(doc, pattern);
      for (const key of typed) assert.ok(await editor.edit((e) => e.insert(doc.lineAt(line).range.end, key)), `typing “${key}”`);
    }
    assert.equal(doc.eol, vscode.EndOfLine.CRLF, 'the line breaks stay CRLF');
    const typedLines = [lineOf(doc, /^- Ấp Bình Hòa/), lineOf(doc, /^Ban vận động Quỹ xã/)];
    // Each typed line's blank, whole (“....” is a blank already, so wait for the last key's “.....”).
    const typedBlanks = ['__', '.....'];
    const incremental = await waitForDiagnostics(doc.uri, (ds) => typedLines.every((l, i) => withCode(ds, 'placeholder').some((d) => d.range.start.line === l && doc.getText(d.range) === typedBlanks[i])), 'the blank of each typed line, after the last key');

    // The same text opened fresh is checked from scratch: the diagnostics must be the same.
    const fresh = await vscode.workspace.openTextDocument({ language: 'markdown', content: doc.getText() });
    const at = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();
    const scratch = await waitForDiagnostics(fresh.uri, (ds) => ds.length === incremental.length, `${incremental.length} diagnostics on the fresh copy`);
    assert.deepEqual(at(scratch), at(incremental));
    for (const d of [fresh, doc]) {
      await vscode.window.showTextDocument(d, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
