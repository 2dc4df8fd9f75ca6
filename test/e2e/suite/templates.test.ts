// Workspace templates: a report is checked against the template of `.decuong/templates`, and a
// change to that file on disk reaches the open report without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openReport, show, waitForDiagnostics, withCode, workspaceUri } from './helpers';

const TEMPLATE = ['.decuong', 'templates', 'bao-cao-thang-khu-dan-cu.md'];
const ADDED = 'V. TỰ ĐÁNH GIÁ, XẾP LOẠI KHU DÂN CƯ';

describe('workspace templates', () => {
  const templateUri = () => workspaceUri(...TEMPLATE);
  let original: Uint8Array | undefined;

  after(async () => {
    if (original) await vscode.workspace.fs.writeFile(templateUri(), original);
  });

  it('a report naming the workspace template is checked against it, and editing the template file re-checks the report', async () => {
    const doc = await openReport('bao-cao', 'bao-cao-thang-10.md');
    const missingTitles = (ds: vscode.Diagnostic[]) => withCode(ds, 'missing-section').map((d) => d.message);

    // The template's “II. 2. Cuộc vận động …” is absent from the report: only the workspace template knows it.
    const before = await waitForDiagnostics(doc.uri, (ds) => missingTitles(ds).some((m) => m.includes('2. Cuộc vận động')), 'missing-section from the workspace template');
    assert.equal(withCode(before, 'unknown-template').length, 0, show(before));
    assert.equal(withCode(before, 'missing-section').length, 1, show(before));
    assert.equal(withCode(before, 'missing-section')[0]!.range.start.line, lineOf(doc, /^### 1\. Công tác tuyên truyền, vận động/));

    // Add a required top section to the template, on disk, as another program would.
    original = await vscode.workspace.fs.readFile(templateUri());
    const text = new TextDecoder().decode(original);
    await vscode.workspace.fs.writeFile(templateUri(), new TextEncoder().encode(`${text.replace(/\n*$/, '\n')}# ${ADDED}\nTự chấm điểm theo bộ tiêu chí khu dân cư văn hóa.\n`));

    const afterEdit = await waitForDiagnostics(doc.uri, (ds) => missingTitles(ds).some((m) => m.includes(ADDED)), `missing-section “${ADDED}” after the template changed`);
    const added = withCode(afterEdit, 'missing-section').find((d) => d.message.includes(ADDED))!;
    // Optional “IV. … (nếu có)” is absent too, so the new section belongs after “III. NHIỆM VỤ THÁNG TỚI”.
    assert.equal(added.range.start.line, lineOf(doc, /^## III\. NHIỆM VỤ THÁNG TỚI/));
    assert.equal(withCode(afterEdit, 'missing-section').length, 2, show(afterEdit));

    // Putting the template back removes it again.
    await vscode.workspace.fs.writeFile(templateUri(), original);
    original = undefined;
    const restored = await waitForDiagnostics(doc.uri, (ds) => !missingTitles(ds).some((m) => m.includes(ADDED)), 'the added section to be forgotten');
    assert.equal(withCode(restored, 'missing-section').length, 1, show(restored));
  });
});
