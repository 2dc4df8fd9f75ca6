// Diagnostics of the language server as VS Code shows them: opening reports, editing, undo.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRUCTURAL, lineOf, nextDiagnosticsChange, openReport, show, waitForDiagnostics, withCode, workspaceUri } from './helpers';

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
});
