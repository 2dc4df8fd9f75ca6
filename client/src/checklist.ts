import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ChecklistRequest, type ChecklistNode, type ChecklistParams, type ChecklistResult, type ChecklistState } from '../../server/src/protocol';
import type { ReportInfoHub } from './reportInfo';
import { t } from './l10n';

export const CHECKLIST_VIEW = 'decuong.checklist';

/**
 * What the view shows, also the context key `decuong.checklist.state` the welcome texts of
 * `contributes.viewsWelcome` depend on.
 */
export type ChecklistViewState = 'noReport' | 'noTemplate' | 'unknownTemplate' | 'templateFile' | 'checklist';

/** One row: an outline section of the report `uri`. */
export interface ChecklistEntry {
  readonly uri: string;
  readonly node: ChecklistNode;
  readonly id: string;
  readonly parent?: ChecklistEntry;
  readonly children: ChecklistEntry[];
}

const ICONS: Record<ChecklistState, vscode.ThemeIcon> = {
  present: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  empty: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.deemphasizedForeground')),
  placeholder: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  'optional-missing': new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
};

function stateLabel(state: ChecklistState): string {
  switch (state) {
    case 'present':
      return t('Đã có', 'Present');
    case 'empty':
      return t('Chưa có nội dung', 'No content yet');
    case 'placeholder':
      return t('Còn chỗ trống chưa điền', 'Unfilled blanks');
    case 'missing':
      return t('Còn thiếu', 'Missing');
    case 'optional-missing':
      return t('Không bắt buộc', 'Optional');
  }
}

function stateHelp(node: ChecklistNode): string {
  const line = node.line !== undefined ? node.line + 1 : 0;
  switch (node.state) {
    case 'present':
      return t(`Báo cáo đã có mục này (dòng ${line}). Bấm để đi tới.`, `The report has this section (line ${line}). Click to go there.`);
    case 'empty':
      return t(`Đã có tiêu đề mục (dòng ${line}) nhưng chưa có nội dung. Bấm để đi tới và viết tiếp.`, `The heading is there (line ${line}) but the section has no text yet. Click to go there.`);
    case 'placeholder':
      return t(
        `Mục ở dòng ${line} còn chỗ trống chưa điền, như “.....”, “__” hoặc “(Địa danh)”. Bấm để đi tới.`,
        `The section at line ${line} still has unfilled blanks such as “.....”, “__” or “(Địa danh)”. Click to go there.`,
      );
    case 'missing':
      return t(
        'Mục bắt buộc của đề cương chưa có trong báo cáo. Dùng lệnh “Đề cương: Chèn các mục còn thiếu”, hoặc bấm Ctrl+. tại dòng báo lỗi trong báo cáo, để chèn đúng chỗ.',
        'A required section of the outline is not in the report. Run “Đề cương: Insert Missing Sections”, or press Ctrl+. on the error in the report, to insert it where it belongs.',
      );
    case 'optional-missing':
      return t('Mục “nếu có” của đề cương: không bắt buộc, báo cáo chưa có.', 'An “if any” (nếu có) section of the outline: optional, not in the report.');
  }
}

/** “12/15 mục · 2 mục còn chỗ trống · 1 mục chưa có nội dung” / “12/15 sections · 2 with blanks · 1 empty”. */
export function countsText(counts: ChecklistResult['counts']): string {
  const parts = [t(`${counts.present}/${counts.required} mục`, `${counts.present}/${counts.required} sections`)];
  if (counts.placeholders) parts.push(t(`${counts.placeholders} mục còn chỗ trống`, `${counts.placeholders} with blanks`));
  if (counts.empty) parts.push(t(`${counts.empty} mục chưa có nội dung`, `${counts.empty} empty`));
  return parts.join(' · ');
}

/**
 * The data of the Explorer view “Đề cương”: every section of the active report's outline with its
 * state, asked of the server (`decuong/checklist`) when the active editor changes and after each
 * check of the active report (`decuong/reportInfo`).
 */
export class ChecklistProvider implements vscode.TreeDataProvider<ChecklistEntry>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<ChecklistEntry | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #disposables: vscode.Disposable[] = [this.#changed];
  #view: vscode.TreeView<ChecklistEntry> | undefined;
  /** The report shown: the active editor's, kept while a non-text editor (settings, walkthrough) is active. */
  #doc: vscode.TextDocument | undefined;
  #state: ChecklistViewState = 'noReport';
  #result: ChecklistResult | undefined;
  #roots: ChecklistEntry[] = [];
  /** Bumped by every refresh: an answer for an older one is dropped. */
  #generation = 0;
  /** An event came while the view was hidden: refresh when it shows. */
  #stale = true;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly info: ReportInfoHub,
  ) {
    this.#disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.#schedule()),
      info.onDidChange((p) => {
        if (p.uri === this.#target()?.uri.toString()) this.#schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.#doc) this.#schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('decuong.language')) this.#schedule();
      }),
    );
  }

  /** Shows the data in `view` (its description carries the counts). */
  attach(view: vscode.TreeView<ChecklistEntry>): void {
    this.#view = view;
    this.#disposables.push(view.onDidChangeVisibility((e) => e.visible && this.#stale && void this.refresh()));
    this.#render();
    if (view.visible) void this.refresh();
  }

  /** What the view shows now. */
  get state(): ChecklistViewState {
    return this.#state;
  }

  /** The report shown, and the server's checklist of it (undefined without an outline). */
  get current(): { uri: string; result?: ChecklistResult } | undefined {
    return this.#doc ? { uri: this.#doc.uri.toString(), result: this.#result } : undefined;
  }

  /**
   * The document the view follows: the active text editor's, or the last one while none is (a
   * settings page or the walkthrough is active) or while the Output panel has the focus.
   */
  #target(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active && active.uri.scheme !== 'output') return active;
    return this.#doc && !this.#doc.isClosed ? this.#doc : undefined;
  }

  #schedule(): void {
    if (this.#view && !this.#view.visible) {
      this.#stale = true;
      return;
    }
    void this.refresh();
  }

  /** Asks the server for the active report's checklist and shows it; resolves once shown (or superseded). */
  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    this.#stale = false;
    const doc = this.#target();
    const info = doc && this.info.get(doc.uri);
    const c = this.client();
    if (!doc || doc.languageId !== 'markdown' || !c) return this.#show(doc, 'noReport');
    if (info?.selectedBy === 'template-file') return this.#show(doc, 'templateFile');
    let result: ChecklistResult | null;
    try {
      result = await c.sendRequest<ChecklistResult | null>(ChecklistRequest, { uri: doc.uri.toString() } satisfies ChecklistParams);
    } catch {
      result = null; // the server is restarting: the next check brings fresh data
    }
    if (generation !== this.#generation) return;
    // A document the server has not seen yet: its first check (reportInfo) will refresh the view.
    if (!result) return this.#show(doc, doc === this.#doc ? this.#state : 'noReport', doc === this.#doc ? this.#result : undefined);
    if (!result.template) return this.#show(doc, this.info.get(doc.uri)?.selectedBy === 'unknown' ? 'unknownTemplate' : 'noTemplate');
    this.#show(doc, 'checklist', result);
  }

  #show(doc: vscode.TextDocument | undefined, state: ChecklistViewState, result?: ChecklistResult): void {
    this.#doc = doc;
    this.#state = state;
    this.#result = state === 'checklist' ? result : undefined;
    const uri = doc?.uri.toString() ?? '';
    const entries = (nodes: ChecklistNode[], parent: ChecklistEntry | undefined, prefix: string): ChecklistEntry[] =>
      nodes.map((node, i) => {
        const entry: ChecklistEntry = { uri, node, id: `${prefix}/${i}`, ...(parent ? { parent } : {}), children: [] };
        entry.children.push(...entries(node.children, entry, entry.id));
        return entry;
      });
    this.#roots = this.#result ? entries(this.#result.items, undefined, uri) : [];
    this.#render();
    this.#changed.fire(undefined);
  }

  #render(): void {
    void vscode.commands.executeCommand('setContext', 'decuong.checklist.state', this.#state);
    void vscode.commands.executeCommand('setContext', 'decuong.checklist.missing', (this.#result?.counts.missing ?? 0) > 0);
    if (!this.#view) return;
    this.#view.description = this.#result ? countsText(this.#result.counts) : undefined;
  }

  getChildren(element?: ChecklistEntry): ChecklistEntry[] {
    if (!element) return this.#roots;
    return element.children;
  }

  getParent(element: ChecklistEntry): ChecklistEntry | undefined {
    return element.parent;
  }

  getTreeItem(entry: ChecklistEntry): vscode.TreeItem {
    const { node } = entry;
    const item = new vscode.TreeItem(node.title, node.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = entry.id;
    item.iconPath = ICONS[node.state];
    item.description = stateLabel(node.state);
    item.tooltip = new vscode.MarkdownString().appendMarkdown('**').appendText(node.title).appendMarkdown('**\n\n').appendText(stateHelp(node));
    item.contextValue = node.state;
    item.accessibilityInformation = { label: `${node.title}: ${stateLabel(node.state)}` };
    if (node.line !== undefined) {
      item.command = { command: 'decuong.revealSection', title: t('Đi tới mục', 'Go to Section'), arguments: [entry.uri, node.line] };
    }
    return item;
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}

/** Creates the view `decuong.checklist` over a provider. */
export function createChecklistView(provider: ChecklistProvider): vscode.TreeView<ChecklistEntry> {
  const view = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return view;
}
