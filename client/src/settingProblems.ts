import * as vscode from 'vscode';
import type { ReportInfoHub } from './reportInfo';
import { t } from './l10n';

/**
 * Says once per value when a setting cannot be used (a template id no template has, a `cap` that is
 * no level, a blank pattern that does not compile): otherwise it would silently do nothing. The
 * button opens the setting itself.
 */
export function watchSettingProblems(info: ReportInfoHub, shown: Set<string>): vscode.Disposable {
  return info.onDidChange((p) => {
    for (const problem of p.settingProblems ?? []) {
      if (shown.has(problem.message)) continue;
      shown.add(problem.message);
      const open = t('Mở cài đặt', 'Open Settings');
      void vscode.window.showWarningMessage(`Đề cương: ${problem.message}`, open).then((chosen) => {
        if (chosen === open) void vscode.commands.executeCommand('workbench.action.openSettings', problem.setting);
      });
    }
  });
}
