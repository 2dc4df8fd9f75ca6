import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The language client: the bundled server over IPC, for Markdown files and untitled drafts. */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'decuong',
      // Template folders are a setting; the server filters these events by its own folders.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.md'),
    },
    initializationOptions: { locale: vscode.env.language },
  };
  return new LanguageClient('decuong', 'Đề cương', serverOptions, clientOptions);
}
