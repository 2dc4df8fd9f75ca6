// Shared by the e2e tests: open a fixture report, wait for the server's diagnostics (events, never
// fixed sleeps), find lines by their text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'decuong.decuong';
/** Default limit for anything the language server does asynchronously. */
export const WAIT_MS = 20_000;
export const STRUCTURAL = new Set(['missing-section', 'section-order', 'section-level', 'section-title']);

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Opens a workspace file in an editor (so editor commands such as undo apply to it). */
export async function openReport(...parts: string[]): Promise<vscode.TextDocument> {
  await activate();
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...parts));
  assert.equal(doc.languageId, 'markdown');
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** An untitled Markdown report with `content`, shown in an editor (a report not saved yet). */
export async function openUntitled(content: string): Promise<vscode.TextDocument> {
  await activate();
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'decuong');
}

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' && d.code ? d.code.value : d.code);
}

export function withCode(ds: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return ds.filter((d) => codeOf(d) === code);
}

export function show(ds: readonly vscode.Diagnostic[]): string {
  return ds.length ? ds.map((d) => `  ${d.range.start.line}:${d.range.start.character} ${codeOf(d)} ${d.message}`).join('\n') : '  (none)';
}

/**
 * Resolves with the `decuong` diagnostics of `uri` as soon as `predicate` holds for them — now or
 * after a later `onDidChangeDiagnostics` — and fails after `timeoutMs` showing what there was.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const ds = ours(uri);
      if (!predicate(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; diagnostics:\n${show(ours(uri))}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    done();
  });
}

/** Resolves on the next `onDidChangeDiagnostics` that names `uri` (subscribe before causing it). */
export function nextDiagnosticsChange(uri: vscode.Uri, what: string, timeoutMs = WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}`));
    }, timeoutMs);
  });
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function poll<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
}

/** 0-based line of the first line matching `re`; fails when there is none. */
export function lineOf(doc: vscode.TextDocument, re: RegExp): number {
  for (let i = 0; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) return i;
  assert.fail(`no line matches ${re} in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

/** Code actions of `kind` VS Code returns at `range` (commands and edit-less actions left out). */
export async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command> | undefined>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  return all.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined);
}

/**
 * The quick fix titled `title` offered at diagnostic `d` (the API returns actions without their
 * diagnostics: ask at its range with the kind, pick by title); polled, as the server answers `[]`
 * while the document is moving. `accept` can hold out for a particular edit.
 */
export function quickFix(doc: vscode.TextDocument, d: vscode.Diagnostic, title: RegExp, accept: (a: vscode.CodeAction) => boolean = () => true): Promise<vscode.CodeAction> {
  return poll(async () => {
    const actions = await actionsAt(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    return actions.find((a) => title.test(a.title) && accept(a));
  }, `a quick fix ${title} at ${d.range.start.line}:${d.range.start.character}`);
}

/** Applies an action's edit as the light bulb would. */
export async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `“${action.title}” has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused “${action.title}”`);
}
