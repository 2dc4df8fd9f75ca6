import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportInfoNotification, type ReportInfoParams } from '../../server/src/protocol';

/**
 * The server's `decuong/reportInfo` notifications, kept per document and re-broadcast. The language
 * client keeps one handler per notification method (a second `onNotification` replaces the first),
 * so the status bar, the checklist view and the commands all listen here instead.
 */
export class ReportInfoHub implements vscode.Disposable {
  readonly #info = new Map<string, ReportInfoParams>();
  readonly #changed = new vscode.EventEmitter<ReportInfoParams>();
  readonly #disposables: vscode.Disposable[] = [];
  /** Fires after each check of a document, with what the server said about it. */
  readonly onDidChange = this.#changed.event;

  constructor(client: LanguageClient) {
    this.#disposables.push(
      this.#changed,
      client.onNotification(ReportInfoNotification, (p: ReportInfoParams) => {
        this.#info.set(p.uri, p);
        this.#changed.fire(p);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.#info.delete(d.uri.toString())),
    );
  }

  /** The last report info of a document, if the server has checked it. */
  get(uri: vscode.Uri | string): ReportInfoParams | undefined {
    return this.#info.get(typeof uri === 'string' ? uri : uri.toString());
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
