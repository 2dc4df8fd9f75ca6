// Settings take effect without a reload: the severity setting can switch a check off and back on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecuongApi } from '../../../client/src/api';
import { EXTENSION_ID, openReport, poll, show, waitForDiagnostics, withCode } from './helpers';

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

  it('a decuong.cap that is no level is said once, with the setting to open; a level as people write it is not', async () => {
    const doc = await openReport('bao-cao', 'ke-hoach-thieu-muc.md');
    const a = vscode.extensions.getExtension<DecuongApi>(EXTENSION_ID)?.exports;
    assert.ok(a, 'the extension API');
    const problemsNow = () => a.reportInfo(doc.uri)?.settingProblems ?? [];
    try {
      await config().update('cap', 'cấp ấp', vscode.ConfigurationTarget.Workspace);
      const problems = await poll(async () => (problemsNow().some((p) => p.setting === 'decuong.cap') ? problemsNow() : undefined), 'the report info to carry the decuong.cap problem');
      const said = problems.find((p) => p.setting === 'decuong.cap')!.message;
      assert.match(said, /cấp ấp/);
      await poll(async () => (a.settingWarnings().some((w) => w.includes(said)) ? true : undefined), 'the warning to be shown');
      await config().update('cap', 'Xã', vscode.ConfigurationTarget.Workspace);
      await poll(async () => (a.reportInfo(doc.uri) && !problemsNow().some((p) => p.setting === 'decuong.cap') ? true : undefined), 'the decuong.cap problem to go once the level is one');
      assert.equal(a.settingWarnings().filter((w) => w.includes('decuong.cap')).length, 1, 'shown once');
    } finally {
      await config().update('cap', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
