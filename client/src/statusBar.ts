import * as vscode from 'vscode';
import type { ReportInfoHub } from './reportInfo';
import { t } from './l10n';

/** Shows which outline the active report is checked against; a click chooses another. */
export class ReportStatus implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('decuong.template', vscode.StatusBarAlignment.Right, 100);
  readonly #disposables: vscode.Disposable[] = [];

  constructor(private readonly info: ReportInfoHub) {
    this.#item.name = 'Đề cương';
    this.#item.command = 'decuong.chooseTemplate';
    this.#disposables.push(
      info.onDidChange(() => this.#render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.#render()),
    );
  }

  #render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const info = doc && this.info.get(doc.uri);
    if (!info) {
      this.#item.hide();
      return;
    }
    if (info.selectedBy === 'template-file') {
      this.#item.text = `$(book) ${t('Mẫu đề cương', 'Outline template')}`;
      this.#item.tooltip = t('Tệp này là một mẫu đề cương', 'This file is an outline template');
    } else if (info.template) {
      this.#item.text = `$(checklist) ${info.template.id}`;
      this.#item.tooltip = `${info.template.title}\n${t('Thiếu', 'Missing')}: ${info.missing}\n${t('Bấm để chọn mẫu đề cương khác', 'Click to choose another outline template')}`;
    } else {
      this.#item.text = `$(question) ${t('Chưa có đề cương', 'No outline')}`;
      this.#item.tooltip = t('Bấm để chọn mẫu đề cương cho báo cáo', 'Click to choose an outline template for the report');
    }
    this.#item.show();
  }

  dispose(): void {
    this.#item.dispose();
    for (const d of this.#disposables) d.dispose();
  }
}
