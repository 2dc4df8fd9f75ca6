import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { ReportStatus } from './statusBar';
import { registerCommands } from './commands';
import { ReportInfoHub } from './reportInfo';
import { ChecklistProvider, createChecklistView } from './checklist';
import { watchSettingProblems } from './settingProblems';
import type { DecuongApi } from './api';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DecuongApi> {
  client = createClient(context);
  const info = new ReportInfoHub(client);
  const status = new ReportStatus(info);
  const checklist = new ChecklistProvider(() => client, info);
  const settingWarnings = new Set<string>();
  context.subscriptions.push(info, status, checklist, createChecklistView(checklist), watchSettingProblems(info, settingWarnings), ...registerCommands(context, () => client, info));
  await client.start();
  return {
    checklist,
    reportInfo: (uri) => info.get(uri),
    onDidReportInfo: info.onDidChange,
    settingWarnings: () => [...settingWarnings],
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
