import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { t } from './l10n';
import { InsertMissingCommand, TemplatesRequest, type TemplateSummary } from '../../server/src/protocol';

/** Commands of the extension; they talk to the server, they hold no checking logic. */
export function registerCommands(_context: vscode.ExtensionContext, client: () => LanguageClient | undefined): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('decuong.insertMissingSections', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') return;
      // The server builds one edit for the whole document and applies it: one undo reverts it.
      const result = await vscode.commands.executeCommand<{ applied: boolean; inserted: number }>(InsertMissingCommand, editor.document.uri.toString());
      if (result && result.inserted === 0) void vscode.window.showInformationMessage(t('Báo cáo đã có đủ các mục của đề cương.', 'The report already has every section of its outline.'));
    }),
    vscode.commands.registerCommand('decuong.restartServer', async () => {
      await client()?.restart();
    }),
    vscode.commands.registerCommand('decuong.showTemplates', async () => {
      const c = client();
      if (!c) return;
      const list = await c.sendRequest<TemplateSummary[]>(TemplatesRequest, {
        uri: vscode.window.activeTextEditor?.document.uri.toString(),
      });
      const pick = await vscode.window.showQuickPick(
        list.map((x) => ({ label: x.id, description: x.builtin ? t('có sẵn', 'built-in') : t('của workspace', 'workspace'), detail: x.title })),
        { title: t('Mẫu đề cương', 'Outline templates'), placeHolder: t('Chọn để chèn “decuong: <id>” vào báo cáo', 'Pick one to put “decuong: <id>” in the report') },
      );
      const editor = vscode.window.activeTextEditor;
      if (!pick || !editor || editor.document.languageId !== 'markdown') return;
      await insertTemplateId(editor, pick.label);
    }),
  ];
}

/** Sets `decuong: <id>` in the report's front matter, adding a front matter when it has none. */
async function insertTemplateId(editor: vscode.TextEditor, id: string): Promise<void> {
  const doc = editor.document;
  const text = doc.getText();
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = /^---\r?\n([\s\S]*?)\r?\n(---|\.\.\.)\s*(\r?\n|$)/.exec(text.slice(bom));
  await editor.edit((edit) => {
    if (!fm) {
      edit.insert(doc.positionAt(bom), `---${eol}decuong: ${id}${eol}---${eol}`);
      return;
    }
    const bodyStart = bom + fm[0].indexOf('\n') + 1;
    const line = /^decuong:.*$/m.exec(fm[1]!);
    if (line) {
      const start = bodyStart + line.index;
      edit.replace(new vscode.Range(doc.positionAt(start), doc.positionAt(start + line[0].replace(/\r$/, '').length)), `decuong: ${id}`);
    } else edit.insert(doc.positionAt(bodyStart), `decuong: ${id}${eol}`);
  });
}
