import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportInfoNotification, type ReportInfoParams } from '../../server/src/protocol';
import { t } from './l10n';

/** Shows which outline the active report is checked against. */
export class ReportStatus implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('decuong.template', vscode.StatusBarAlignment.Right, 100);
  readonly #info = new Map<string, ReportInfoParams>();
  readonly #disposables: vscode.Disposable[] = [];

  constructor(client: LanguageClient) {
    this.#item.name = 'Đề cương';
    this.#item.command = 'decuong.showTemplates';
    this.#disposables.push(
      client.onNotification(ReportInfoNotification, (p: ReportInfoParams) => {
        this.#info.set(p.uri, p);
        this.#render();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.#render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.#info.delete(d.uri.toString())),
    );
  }

  #render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const info = doc && this.#info.get(doc.uri.toString());
    if (!info) {
      this.#item.hide();
      return;
    }
    if (info.selectedBy === 'template-file') {
      this.#item.text = `$(book) ${t('Mẫu đề cương', 'Outline template')}`;
      this.#item.tooltip = t('Tệp này là một mẫu đề cương', 'This file is an outline template');
    } else if (info.template) {
      this.#item.text = `$(checklist) ${info.template.id}`;
      this.#item.tooltip = `${info.template.title}\n${t('Thiếu', 'Missing')}: ${info.missing}`;
    } else {
      this.#item.text = `$(question) ${t('Chưa có đề cương', 'No outline')}`;
      this.#item.tooltip = t('Thêm “decuong: <id>” vào front matter', 'Add “decuong: <id>” to the front matter');
    }
    this.#item.show();
  }

  dispose(): void {
    this.#item.dispose();
    for (const d of this.#disposables) d.dispose();
  }
}
