import type * as vscode from 'vscode';
import type { ReportInfoParams } from '../../server/src/protocol';
import type { ChecklistProvider } from './checklist';

/**
 * What `activate` returns (`vscode.extensions.getExtension('decuong.decuong').exports`): the
 * extension's live state, for the extension tests and for other extensions.
 */
export interface DecuongApi {
  /** The data provider of the Explorer view “Đề cương” (`decuong.checklist`). */
  readonly checklist: ChecklistProvider;
  /** What the server said after its last check of a document (`decuong/reportInfo`). */
  reportInfo(uri: vscode.Uri | string): ReportInfoParams | undefined;
  /** Fires after each check of a document. */
  readonly onDidReportInfo: vscode.Event<ReportInfoParams>;
  /** The warnings shown about settings the checker cannot use (each shown once), oldest first. */
  settingWarnings(): readonly string[];
}
