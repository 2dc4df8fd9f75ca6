import {
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  DidChangeConfigurationNotification,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, fixAll, FIX_ALL_CODES, langOf, pageLimitOf, ParseCache, say, unappliedLevelLimits, type CheckResult, type Finding, type Fix, type Lang, type TemplateRegistry } from '../core';
import { checklist } from '../core/checklist';
import { completionsAt, hoverAt } from '../core/assist';
import { skeleton } from '../core/skeleton';
import { warmUpSteps } from './warmUp';
import { builtinSources } from '../builtins';
import { SettingsCache, settingProblems, toCheckOptions, type SettingProblem, type Settings } from './settings';
import { toDiagnostic } from './convert';
import { IdleScavenger } from './idleScavenge';
import { PieceDocument } from './pieceDocument';
import { DiagnosticsScheduler } from './diagnostics';
import { documentSymbols } from './symbols';
import { codeActions, FixAllKind } from './codeActions';
import { uriToPath, WorkspaceTemplates } from './workspaceTemplates';
import { ChecklistRequest, SkeletonRequest, FixReportCommand, InsertMissingCommand, ReportInfoNotification, TemplatesRequest, type ChecklistNode, type ChecklistParams, type ChecklistResult, type SkeletonParams, type ReportInfoParams, type TemplatesParams, type TemplateSummary, type ServerFixResult } from '../protocol';

/** Typing steps of the warm-up: enough for the checks' functions to be optimised (see `warmUpSteps`). */
const WARM_UP_STEPS = 300;

/** Wires the core to an LSP connection: documents, settings, templates, diagnostics, symbols. */
export function startServer(connection: Connection): void {
  /** Parsed chunks per open document: an edit re-parses only the chunks it touched. */
  const parseCaches = new Map<string, ParseCache>();
  // Texts in pieces: a keystroke in a long report makes no fresh copy of the whole text (see `PieceDocument`).
  const documents = new TextDocuments<PieceDocument>({
    create: PieceDocument.create,
    // Each change is told to the document's parse cache before it is applied, with offsets in the
    // text it applies to, so the next check knows where the edits are without comparing texts.
    update: (doc, changes, version) => {
      const cache = parseCaches.get(doc.uri);
      if (!cache) return PieceDocument.update(doc, changes, version);
      for (const change of changes) {
        if ('range' in change) {
          const start = doc.offsetAt(change.range.start);
          cache.edited(start, doc.offsetAt(change.range.end) - start, change.text.length);
        } else {
          cache.edited(0, doc.text.length, change.text.length);
        }
        doc.update([change], version);
      }
      return doc;
    },
  });
  let canAskConfiguration = false;
  let canRegisterConfiguration = false;
  let uiLang: Lang = 'en';
  const settings = new SettingsCache(connection, () => canAskConfiguration);
  const builtins = builtinSources();
  const openText = (path: string) => {
    for (const d of documents.all()) if (uriToPath(d.uri) === path) return d.getText();
    return undefined;
  };
  const templates = new WorkspaceTemplates(() => builtins, openText);
  const refused = new Set<string>();
  templates.onRefused = (dir) => {
    if (refused.has(dir)) return;
    refused.add(dir);
    connection.console.warn(`decuong: templates folder ${dir} is outside the workspace folder; only built-in templates are used.`);
  };
  /** Last result per document, so symbol requests for the same version reuse it. */
  const results = new Map<string, { version: number; result: CheckResult }>();
  const cacheFor = (uri: string) => {
    let c = parseCaches.get(uri);
    if (!c) parseCaches.set(uri, (c = new ParseCache({ tellsEdits: true })));
    return c;
  };

  const loggedFailures = new Set<string>();
  /** The report info last sent per document (without its version), so that an unchanged one is not sent again. */
  const sentInfo = new Map<string, string>();
  const langFor = (s: Settings): Lang => (s.language === 'auto' ? uiLang : s.language);
  /** Per settings object (kept until the configuration changes) and registry: not redone per keystroke. */
  const problemsOf = new WeakMap<Settings, { registry: TemplateRegistry; problems: SettingProblem[] }>();
  const settingProblemsFor = (s: Settings, registry: TemplateRegistry): SettingProblem[] => {
    let known = problemsOf.get(s);
    if (!known || known.registry !== registry) problemsOf.set(s, (known = { registry, problems: settingProblems(s, registry) }));
    return known.problems;
  };

  async function compute(doc: PieceDocument): Promise<Diagnostic[]> {
    const s = await settings.get(doc.uri);
    const lang = langFor(s);
    const dir = templates.dirFor(doc.uri, s.templatesPath);
    const registry = templates.registry(dir);
    if (templates.isTemplateFile(doc.uri, dir)) {
      // A template being edited: show its own problems where they are.
      const path = uriToPath(doc.uri);
      const problems = registry.problems.filter((p) => p.path === path);
      void connection.sendNotification(ReportInfoNotification, { uri: doc.uri, version: doc.version, selectedBy: 'template-file', missing: 0 } satisfies ReportInfoParams);
      return problems.map((p) => toDiagnostic(doc, { code: 'template-error', level: 'error', offset: p.offset, length: p.end - p.offset, message: p.message }, lang));
    }
    const result = check(doc.text, registry, toCheckOptions(s), cacheFor(doc.uri));
    for (const e of result.errors) {
      // A failing check is contained; say so once per check, not on every keystroke.
      if (loggedFailures.has(e.code)) continue;
      loggedFailures.add(e.code);
      connection.console.error(`decuong: check “${e.code}” failed on ${doc.uri} (other checks still ran): ${e.message}`);
    }
    results.set(doc.uri, { version: doc.version, result });
    const limit = pageLimitOf(result.context);
    const est = result.pages;
    const badSettings = settingProblemsFor(s, registry);
    const unapplied = unappliedLevelLimits(result.context);
    const info: ReportInfoParams = {
      uri: doc.uri,
      version: doc.version,
      template: result.template ? { id: result.template.id, title: result.template.title } : undefined,
      selectedBy: result.selection.kind,
      ...(result.selection.kind === 'none' && result.selection.doubted ? { doubted: { id: result.selection.doubted.template.id, title: result.selection.doubted.template.title } } : {}),
      missing: result.findings.filter((f) => f.code === 'missing-section').length,
      pages: est && {
        pages: est.pages,
        decimal: est.decimal,
        breaks: est.breaks,
        ...(limit ? { limit: limit.limit, ...(limit.cap ? { cap: limit.cap } : {}) } : {}),
        ...(unapplied.length ? { levelLimits: Object.fromEntries(unapplied) } : {}),
        settings: { fontSize: est.settings.fontSize, lineSpacing: est.settings.lineSpacing, margins: [est.settings.margins.top, est.settings.margins.bottom, est.settings.margins.left, est.settings.margins.right], paraAfter: est.settings.paraAfter, indent: est.settings.indent },
      },
      ...(badSettings.length ? { settingProblems: badSettings.map((p) => ({ setting: p.setting, message: say(p.message, lang) })) } : {}),
    };
    // Most keystrokes change nothing the client shows from it: send it only when it changed, and
    // after the diagnostics, which the author is waiting for.
    const { version: _version, ...shown } = info;
    const key = JSON.stringify(shown);
    if (sentInfo.get(doc.uri) !== key) {
      sentInfo.set(doc.uri, key);
      setImmediate(() => {
        if (documents.get(doc.uri)?.version === doc.version) void connection.sendNotification(ReportInfoNotification, info);
        else sentInfo.delete(doc.uri); // a newer check sends its own
      });
    }
    return result.findings.map((f) => toDiagnostic(doc, f, lang));
  }

  const scavenger = new IdleScavenger();
  const scheduler = new DiagnosticsScheduler(connection, (uri) => documents.get(uri), compute, () => scavenger.afterCheck());
  const recheckAll = () => scheduler.scheduleAll(documents.keys());

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canAskConfiguration = Boolean(caps.workspace?.configuration);
    canRegisterConfiguration = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    uiLang = langOf(params.locale);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    templates.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: true,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['#', ' '] },
        executeCommandProvider: { commands: [InsertMissingCommand, FixReportCommand] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FixAllKind], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'decuong', version: '0.1.0' },
    };
  });

  /**
   * Warms the server up (see `warmUpSteps`), one step per turn of the event loop so that a
   * document opened meanwhile is not held up: the templates get loaded and the parser, checks,
   * incremental paths and diagnostics compiled and optimised before the author's first keystrokes
   * rather than during them.
   */
  function warmUp(): void {
    const steps = warmUpSteps(() => templates.registry(undefined), WARM_UP_STEPS, (text, result) => {
      const doc = TextDocument.create('untitled:warm-up', 'markdown', 1, text);
      JSON.stringify(result.findings.map((f) => toDiagnostic(doc, f, 'vi')));
    });
    const next = () => {
      const step = steps.shift();
      if (!step) return;
      try {
        step();
      } catch {
        return; // Warming up is an optimisation; a failure shows up again, and is reported, on a real check.
      }
      setImmediate(next);
    };
    setImmediate(next);
  }

  connection.onInitialized(() => {
    // Warm up while the author is still opening files: the first check of a long report would
    // otherwise pay for loading the templates and compiling the parser on the keystroke path.
    warmUp();
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'decuong' });
    connection.workspace.onDidChangeWorkspaceFolders?.(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      templates.setFolders(folders.map((f) => f.uri));
      recheckAll();
    });
  });

  connection.onDidChangeConfiguration(() => {
    // Settings take effect without a reload: forget them all, rebuild registries, re-check.
    settings.clear();
    templates.invalidate();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let touched = false;
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (path) touched = templates.invalidate(path) || touched;
    }
    if (touched) recheckAll();
  });

  documents.onDidOpen((e) => scheduler.schedule(e.document.uri));
  documents.onDidChangeContent(async (e) => {
    const path = uriToPath(e.document.uri);
    // Editing a template re-checks every open report that may use it.
    if (path && templates.invalidate(path)) recheckAll();
    else scheduler.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    settings.forget(e.document.uri);
    results.delete(e.document.uri);
    parseCaches.delete(e.document.uri);
    sentInfo.delete(e.document.uri);
    const path = uriToPath(e.document.uri);
    if (path && templates.invalidate(path)) recheckAll();
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** The check result of the document's current version: the last published one, or a fresh run. */
  async function currentResult(doc: PieceDocument): Promise<CheckResult> {
    const cached = results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const s = await settings.get(doc.uri);
    const registry = templates.registry(templates.dirFor(doc.uri, s.templatesPath));
    return check(doc.text, registry, toCheckOptions(s), cacheFor(doc.uri));
  }

  connection.onHover(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const result = await currentResult(doc);
    const info = hoverAt(result.context, doc.offsetAt(position));
    if (!info) return null;
    const lang = langFor(await settings.get(doc.uri));
    return {
      contents: { kind: MarkupKind.Markdown, value: info.markdown[lang] },
      range: { start: doc.positionAt(info.offset), end: doc.positionAt(info.offset + info.length) },
    };
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const line = doc.getText({ start: { line: position.line, character: 0 }, end: position });
    // Only right after a heading marker typed at the start of a line: "## " or "##".
    const marker = /^(#{1,6}) ?$/.exec(line);
    if (!marker) return [];
    const result = await currentResult(doc);
    const lang = langFor(await settings.get(doc.uri));
    const entries = completionsAt(result.context, doc.offsetAt(position), marker[1]!.length);
    const start = { line: position.line, character: marker[1]!.length };
    return entries.map((e, i) => ({
      label: e.label,
      kind: CompletionItemKind.Module,
      detail: e.optional ? (lang === 'vi' ? 'Mục không bắt buộc của đề cương (nếu có)' : 'Optional section of the outline') : lang === 'vi' ? 'Mục còn thiếu của đề cương' : 'Missing section of the outline',
      documentation: e.guidance ? { kind: MarkupKind.Markdown, value: e.guidance } : undefined,
      sortText: String(i).padStart(4, '0'),
      filterText: `${marker[1]} ${e.label}`,
      textEdit: { range: { start, end: position }, newText: ` ${e.label}` },
    }));
  });

  connection.onRequest(ChecklistRequest, async ({ uri }: ChecklistParams): Promise<ChecklistResult | null> => {
    const doc = documents.get(uri);
    if (!doc) return null;
    const result = await currentResult(doc);
    const list = checklist(result.context, result.findings);
    const toNode = (item: (typeof list.items)[number]): ChecklistNode => ({
      title: item.title,
      level: item.level,
      optional: item.optional,
      state: item.state,
      ...(item.offset !== undefined ? { line: doc.positionAt(item.offset).line } : {}),
      children: item.children.map(toNode),
    });
    return { version: doc.version, template: list.template, items: list.items.map(toNode), counts: list.counts };
  });

  connection.onRequest(SkeletonRequest, async ({ id, cap, uri }: SkeletonParams): Promise<string | null> => {
    const s = uri ? await settings.get(uri) : undefined;
    const registry = templates.registry(uri && s ? templates.dirFor(uri, s.templatesPath) : undefined);
    const template = registry.templates.get(id);
    return template ? skeleton(template, { cap, guidance: s?.insertGuidance ?? true }) : null;
  });

  // Where each A4 page begins: a line above it ("Trang 2 · ≈ 7,4 trang"), switchable by setting.
  connection.onCodeLens(async ({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const s = await settings.get(doc.uri);
    if (!s.pages.showBreaks) return [];
    const result = await currentResult(doc);
    const est = result.pages;
    if (!est) return [];
    const lang = langFor(s);
    // One decimal, as the status bar shows it: the same report reads the same number everywhere.
    const rounded = String(Math.round(est.decimal * 10) / 10);
    const total = lang === 'vi' ? rounded.replace('.', ',') : rounded;
    return est.breaks.map((line, i) => ({
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      command: { title: lang === 'vi' ? `── Trang ${i + 2} / ≈ ${total} trang A4 ──` : `── Page ${i + 2} of ≈ ${total} A4 pages ──`, command: '' },
    }));
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? documentSymbols(doc, (await currentResult(doc)).outline) : [];
  });

  /**
   * Fix-all edits against the document's text: blank lines between joined paragraphs, unmarked
   * titles marked, missing sections inserted — or, for the insert-missing command, only the last
   * two (titles are marked so that they are not inserted again); the fix-report command also
   * takes indents away.
   */
  async function fixAllEdits(doc: PieceDocument): Promise<(codes?: readonly string[], whitespace?: boolean) => { edits: Fix[]; left: Finding[] }> {
    const s = await settings.get(doc.uri);
    const dir = templates.dirFor(doc.uri, s.templatesPath);
    // A template is no report: its guidance lines are not paragraphs to separate nor titles to mark.
    if (templates.isTemplateFile(doc.uri, dir)) return () => ({ edits: [], left: [] });
    const registry = templates.registry(dir);
    const options = { ...toCheckOptions(s), insertOnly: true };
    const cache = new ParseCache();
    return (codes = FIX_ALL_CODES, whitespace = false) => fixAll(doc.getText(), (text) => check(text, registry, options, cache).findings, undefined, codes, { whitespace });
  }

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const version = doc.version;
    const result = await currentResult(doc);
    const edits = await fixAllEdits(doc);
    if (documents.get(doc.uri)?.version !== version) return []; // edited meanwhile: the client will ask again
    return codeActions(doc, result, params, langFor(await settings.get(doc.uri)), () => edits().edits, (code) => edits([code]).edits);
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== InsertMissingCommand && command !== FixReportCommand) return;
    const uri = typeof args?.[0] === 'string' ? args[0] : undefined;
    const doc = uri ? documents.get(uri) : undefined;
    if (!doc) return { applied: false, inserted: 0, left: 0 } satisfies ServerFixResult;
    const fixing = command === FixReportCommand;
    // Fixing the report removes indents too (a paragraph indented as code, a joined line indented so).
    const { edits, left: unfixed } = (await fixAllEdits(doc))(fixing ? [...FIX_ALL_CODES, 'indented-code'] : ['heading-not-marked', 'missing-section'], fixing);
    // Missing sections not inserted: their number is taken by a section of the report.
    const left = unfixed.filter((f) => f.code === 'missing-section').length;
    if (!edits.length) return { applied: true, inserted: 0, left } satisfies ServerFixResult;
    const vi = langFor(await settings.get(doc.uri)) === 'vi';
    const result = await connection.workspace.applyEdit({
      label: fixing ? (vi ? 'Sửa báo cáo' : 'Fix the report') : vi ? 'Chèn các mục còn thiếu' : 'Insert missing sections',
      edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.text })) }] },
    });
    return { applied: result.applied, inserted: edits.length, left } satisfies ServerFixResult;
  });

  connection.onRequest(TemplatesRequest, async (params: TemplatesParams): Promise<TemplateSummary[]> => {
    const s = params.uri ? await settings.get(params.uri) : undefined;
    const registry = templates.registry(params.uri && s ? templates.dirFor(params.uri, s.templatesPath) : undefined);
    return [...registry.templates.values()].map((t) => ({ id: t.id, title: t.title, source: t.source, builtin: t.builtin, pages: t.pages }));
  });

  documents.listen(connection);
  connection.listen();
}
