import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { t } from './l10n';
import type { ReportInfoHub } from './reportInfo';
import { readTemplateChoice, templateChoiceEdits } from '../../server/src/core/frontMatterEdits';
import { levelKeys, pickLevel, pickTemplate } from './templatePicks';
import { FixReportCommand, InsertMissingCommand, SkeletonRequest, TemplatesRequest, type SkeletonParams, type TemplatesParams, type TemplateSummary, type ServerFixResult } from '../../server/src/protocol';

/**
 * The optional argument of `decuong.newReport` and `decuong.chooseTemplate`. Given, it skips the
 * quick picks — for tests, keybindings (`"args": { "id": "ke-hoach" }`) and command links (the same
 * object as URL-encoded JSON after `command:decuong.newReport?`):
 * `id` is the template's id; `cap` the level written as `cap:` (without it, `newReport` writes no
 * level and `chooseTemplate` leaves an existing `cap:` line as it is); `uri` (chooseTemplate only)
 * the report to change instead of the active editor's.
 */
export interface TemplateChoice {
  id: string;
  cap?: string;
  uri?: string;
}

function asChoice(arg: unknown): TemplateChoice | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const { id, cap, uri } = arg as Record<string, unknown>;
  if (typeof id !== 'string' || !id) return undefined;
  return { id, ...(typeof cap === 'string' && cap ? { cap } : {}), ...(typeof uri === 'string' ? { uri } : {}) };
}

/**
 * The document a new report is checked as: an untitled one. The server reads the templates of the
 * workspace folder for untitled documents, so the list offered is exactly what the new report will
 * be checked against.
 */
const NEW_REPORT_SCOPE = vscode.Uri.from({ scheme: 'untitled', path: 'bao-cao-moi.md' }).toString();

/** `\r\n` when the user's `files.eol` (or, on `auto`, the platform) asks for it. */
function newFileEol(): string {
  const eol = vscode.workspace.getConfiguration('files', { languageId: 'markdown' }).get<string>('eol', 'auto');
  return eol === '\r\n' || (eol === 'auto' && process.platform === 'win32') ? '\r\n' : '\n';
}

/** The Markdown document last active in an editor: the report a walkthrough button acts on. */
let lastReport: vscode.TextDocument | undefined;

/**
 * A report to act on: a URI given to the command (string, Uri, or a checklist item), else the
 * active editor's, else — when a page such as the walkthrough has the focus — the last report.
 */
/**
 * Runs a server command that builds one edit for the whole report `arg` (or the active one) and
 * applies it — one undo reverts it — and says when there was nothing to do, or the report moved.
 */
async function runServerFix(arg: unknown, command: string, say: { open: string; nothing: string; moved?: string }): Promise<void> {
  const doc = await targetDocument(arg);
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(say.open);
    return;
  }
  await showIfHidden(doc);
  const result = await vscode.commands.executeCommand<ServerFixResult>(command, doc.uri.toString());
  if (!result) return;
  if (!result.applied && result.inserted > 0) {
    if (say.moved) void vscode.window.showWarningMessage(say.moved);
    return;
  }
  if (result.left > 0) void vscode.window.showInformationMessage(leftOut(result.left, result.inserted > 0));
  else if (result.inserted === 0) void vscode.window.showInformationMessage(say.nothing);
}

/** Missing sections not inserted because the report may have them: their number is taken, or their content is under a label. */
function leftOut(n: number, insertedOthers: boolean): string {
  return t(
    `${insertedOthers ? 'Đã chèn các mục khác; ' : ''}${n} mục còn thiếu chưa được chèn vì báo cáo có thể đã có chúng (số thứ tự đã có mục khác mang — có thể là chính mục đó nhưng đặt tên khác — hoặc nội dung đã viết dưới một nhãn đầu dòng). Hãy xem từng lỗi “Thiếu mục” và chọn đổi tên, chuyển dòng có nhãn thành tiêu đề, hoặc chèn (các mục sau sẽ được đánh lại số).`,
    `${insertedOthers ? 'Other sections were inserted; ' : ''}${n} missing section${n > 1 ? 's were' : ' was'} not inserted: the report may have ${n > 1 ? 'them' : 'it'} already (the number is taken by a section, perhaps the same one under another title, or the content is under a label). Review each “Missing section” error and choose Rename, make the labelled line a heading, or Insert (which renumbers the sections after it).`,
  );
}

async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'string') uri = vscode.Uri.parse(arg);
  else if (arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string') uri = vscode.Uri.parse((arg as { uri: string }).uri);
  if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme !== 'output') return active;
  return lastReport && !lastReport.isClosed ? lastReport : undefined;
}

/** Brings `doc` into an editor unless it already is the active one, so that an edit to it is seen. */
async function showIfHidden(doc: vscode.TextDocument): Promise<void> {
  if (vscode.window.activeTextEditor?.document !== doc) await vscode.window.showTextDocument(doc, { preview: false });
}

/** Commands of the extension; they talk to the server, they hold no checking logic. */
export function registerCommands(_context: vscode.ExtensionContext, client: () => LanguageClient | undefined, info: ReportInfoHub): vscode.Disposable[] {
  const running = (): LanguageClient | undefined => {
    const c = client();
    if (!c) void vscode.window.showErrorMessage(t('Đề cương: máy chủ ngôn ngữ chưa chạy. Hãy chạy lệnh “Đề cương: Khởi động lại máy chủ ngôn ngữ”.', 'Đề cương: the language server is not running. Run “Đề cương: Restart Language Server”.'));
    return c;
  };
  const templates = (c: LanguageClient, uri: string) => c.sendRequest<TemplateSummary[]>(TemplatesRequest, { uri } satisfies TemplatesParams);
  const unknownId = (id: string) =>
    void vscode.window.showErrorMessage(t(`Không có mẫu đề cương nào mang mã “${id}”.`, `There is no outline template with the id “${id}”.`));
  const capSetting = (scope?: vscode.Uri) => vscode.workspace.getConfiguration('decuong', scope).get<string>('cap') || undefined;
  const remember = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId === 'markdown') lastReport = editor.document;
  };
  remember(vscode.window.activeTextEditor);

  /** New report from an outline: template (and level) → the server's skeleton → an untitled editor. */
  async function newReport(arg?: unknown): Promise<vscode.TextDocument | undefined> {
    const c = running();
    if (!c) return undefined;
    const given = asChoice(arg);
    const list = await templates(c, NEW_REPORT_SCOPE);
    let template: TemplateSummary | undefined;
    let cap: string | undefined;
    if (given) {
      template = list.find((x) => x.id === given.id);
      if (!template) {
        unknownId(given.id);
        return undefined;
      }
      cap = given.cap;
    } else {
      template = await pickTemplate(list, { title: t('Tạo báo cáo mới theo đề cương', 'New report from an outline') });
      if (!template) return undefined;
      if (levelKeys(template.pages).length) {
        const level = await pickLevel(template, { title: t('Tạo báo cáo mới: chọn cấp của báo cáo', 'New report: choose the level of the report'), current: capSetting() });
        if (level === undefined) return undefined;
        cap = level ?? undefined;
      }
    }
    const text = await c.sendRequest<string | null>(SkeletonRequest, { id: template.id, ...(cap ? { cap } : {}), uri: NEW_REPORT_SCOPE } satisfies SkeletonParams);
    if (text == null) {
      unknownId(template.id);
      return undefined;
    }
    const eol = newFileEol();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: eol === '\n' ? text : text.replace(/\r?\n/g, eol) });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    // The cursor at the end of the report's title: the first thing to make the unit's own.
    const titleLine = Array.from({ length: doc.lineCount }, (_, i) => i).find((i) => /^# /.test(doc.lineAt(i).text));
    if (titleLine !== undefined) {
      const end = doc.lineAt(titleLine).range.end;
      editor.selection = new vscode.Selection(end, end);
      editor.revealRange(new vscode.Range(0, 0, titleLine, 0));
    }
    void vscode.window.showInformationMessage(
      t(
        `Đã tạo dự thảo báo cáo theo đề cương “${template.title}”. Sửa tiêu đề cho đúng đơn vị, viết nội dung dưới từng mục, rồi bấm Ctrl+S để lưu thành tệp.`,
        `A draft report following “${template.title}” is open. Adjust the title to your unit, write each section, then press Ctrl+S to save it as a file.`,
      ),
    );
    return doc;
  }

  /** Sets or changes `decuong:` (and `cap:`) in a report's front matter: one edit, one undo. */
  async function chooseTemplate(arg?: unknown): Promise<boolean> {
    const given = asChoice(arg);
    const doc = await targetDocument(given?.uri);
    if (!doc || doc.languageId !== 'markdown') {
      const create = t('Tạo báo cáo mới', 'New Report');
      const answer = await vscode.window.showInformationMessage(
        t('Hãy mở báo cáo (tệp .md) cần chọn đề cương, rồi chạy lại lệnh này. Cũng có thể tạo báo cáo mới theo đề cương.', 'Open the report (a .md file) to choose an outline for, then run this command again. Or create a new report from an outline.'),
        create,
      );
      if (answer === create) await vscode.commands.executeCommand('decuong.newReport');
      return false;
    }
    if (info.get(doc.uri)?.selectedBy === 'template-file') {
      void vscode.window.showInformationMessage(t('Tệp này là một mẫu đề cương, không phải báo cáo: không cần chọn đề cương cho nó.', 'This file is an outline template, not a report: it needs no outline of its own.'));
      return false;
    }
    const c = running();
    if (!c) return false;
    const list = await templates(c, doc.uri.toString());
    const current = readTemplateChoice(doc.getText());
    let id: string;
    let cap: string | null | undefined;
    if (given) {
      if (!list.some((x) => x.id === given.id)) {
        unknownId(given.id);
        return false;
      }
      id = given.id;
      cap = given.cap;
    } else {
      const template = await pickTemplate(list, { title: t('Chọn mẫu đề cương cho báo cáo', 'Choose the outline template for the report'), current: info.get(doc.uri)?.template?.id ?? current.id });
      if (!template) return false;
      id = template.id;
      if (levelKeys(template.pages).length) {
        cap = await pickLevel(template, { title: t('Chọn cấp của báo cáo', 'Choose the level of the report'), current: current.cap ?? capSetting(doc.uri) });
        if (cap === undefined) return false;
      }
    }
    const edits = templateChoiceEdits(doc.getText(), doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n', id, cap);
    if (edits === 'unterminated') {
      void vscode.window.showErrorMessage(
        t(
          'Phần khai báo đầu tệp (front matter, bắt đầu bằng dòng “---”) chưa có dòng “---” đóng lại. Hãy thêm dòng “---” ở cuối phần khai báo rồi chạy lại lệnh.',
          'The front matter at the top of the report (opened by a “---” line) has no closing “---” line. Add one after it and run the command again.',
        ),
      );
      return false;
    }
    if (!edits.length) return true;
    await showIfHidden(doc);
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.text);
    return vscode.workspace.applyEdit(edit);
  }

  return [
    vscode.window.onDidChangeActiveTextEditor(remember),
    vscode.commands.registerCommand('decuong.insertMissingSections', (arg?: unknown) =>
      runServerFix(arg, InsertMissingCommand, {
        open: t('Hãy mở báo cáo (tệp .md) cần chèn các mục còn thiếu, rồi chạy lại lệnh này.', 'Open the report (a .md file) to insert the missing sections into, then run this command again.'),
        nothing: t('Báo cáo đã có đủ các mục của đề cương.', 'The report already has every section of its outline.'),
      }),
    ),
    // Fix-all from the palette, and the indents that make paragraphs code (asked for, so not only
    // insertions): a report pasted from Word in one edit, one undo.
    vscode.commands.registerCommand('decuong.fixReport', (arg?: unknown) =>
      runServerFix(arg, FixReportCommand, {
        open: t('Hãy mở báo cáo (tệp .md) cần sửa, rồi chạy lại lệnh này.', 'Open the report (a .md file) to fix, then run this command again.'),
        nothing: t('Không có gì để sửa tự động trong báo cáo này.', 'Nothing in this report can be fixed automatically.'),
        moved: t('Báo cáo vừa thay đổi; hãy chạy lại lệnh.', 'The report changed meanwhile; run the command again.'),
      }),
    ),
    vscode.commands.registerCommand('decuong.restartServer', async () => {
      await client()?.restart();
    }),
    vscode.commands.registerCommand('decuong.newReport', newReport),
    vscode.commands.registerCommand('decuong.chooseTemplate', chooseTemplate),
    // The earlier name of “choose template” (keybindings may still use it).
    vscode.commands.registerCommand('decuong.showTemplates', () => chooseTemplate()),
    vscode.commands.registerCommand('decuong.revealSection', async (uri: unknown, line: unknown) => {
      const doc = await targetDocument(uri);
      if (!doc || typeof line !== 'number') return;
      const at = new vscode.Position(Math.min(line, doc.lineCount - 1), 0);
      const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(at, at) });
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
}
