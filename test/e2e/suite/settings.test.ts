// Settings take effect without a reload: the severity setting can switch a check off and back on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openReport, show, waitForDiagnostics, withCode } from './helpers';

/**
 * The key and value that turn `missing-section` off, as the manifest declares them: one setting per
 * code (`decuong.severity.missing-section: "off"`), or one object (`decuong.severity: { "missing-section": "ignore" }`).
 */
function severityOff(): { key: string; value: unknown } {
  const properties = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.configuration?.properties ?? {};
  if ('decuong.severity.missing-section' in properties) return { key: 'severity.missing-section', value: 'off' };
  assert.ok('decuong.severity' in properties, 'package.json declares no severity setting');
  return { key: 'severity', value: { 'missing-section': 'ignore' } };
}

describe('settings', () => {
  const config = () => vscode.workspace.getConfiguration('decuong');
  const { key, value } = severityOff();

  after(async () => {
    if (config().inspect(key)?.workspaceValue !== undefined) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it(`decuong.${key} = ${JSON.stringify(value)} removes missing-section diagnostics; resetting it brings them back`, async () => {
    const doc = await openReport('bao-cao', 'ke-hoach-thieu-muc.md');
    const present = (ds: vscode.Diagnostic[]) => withCode(ds, 'missing-section').length > 0;
    const before = await waitForDiagnostics(doc.uri, present, 'missing-section');

    await config().update(key, value, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(config().inspect(key)?.workspaceValue, value);
    await waitForDiagnostics(doc.uri, (ds) => !present(ds), 'missing-section to be switched off');

    await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    const back = await waitForDiagnostics(doc.uri, present, 'missing-section to come back');
    assert.deepEqual(
      withCode(back, 'missing-section').map((d) => [d.range.start.line, d.severity]),
      withCode(before, 'missing-section').map((d) => [d.range.start.line, d.severity]),
      show(back),
    );
  });
});
