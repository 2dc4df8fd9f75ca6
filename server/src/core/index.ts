import { flat, type DocText } from './text';
import { parseLight, parseMarkdown, ParseCache } from './parse';
import { buildOutline, titleOfSection, type Outline } from './outline';
import { loadTemplates, type Template, type TemplateRegistry, type TemplateSource } from './templates';
import { doubtByTitle, selectTemplate, type Selection } from './select';
import { align } from './align';
import { findUnmarkedHeadings } from './unmarked';
import { estimatePagesOf, readPageSettings, type PageEstimate } from './pages';
import { checks } from './checks';
import { collectQuotes, type CheckContext } from './check';
import { lineBreakOf, utf8SizeOver } from './lines';
import { reuseStructure, STRUCTURAL_CHECKS, type StructureMemo } from './structure';
import type { CheckOptions, Finding } from './types';

export type { CheckOptions, Code, Finding, Fix, Level, LevelSetting, Message } from './types';
export type { Template, TemplateRegistry, TemplateSource, TemplateProblem } from './templates';
export type { Outline, Section } from './outline';
export type { Doubt, Selection } from './select';
export type { CheckContext } from './check';
export { loadTemplates } from './templates';
export { checks } from './checks';
export { LineIndex, lineBreakOf } from './lines';
export { ParseCache } from './parse';
export { fixAll, applyEdits, EditComposer, FIX_ALL_CODES } from './fixAll';
export { estimatePages, LayoutCache, DEFAULT_PAGE_SETTINGS, parseMargins, type PageEstimate, type PageSettings } from './pages';
export { pageLimitOf, unappliedLevelLimits } from './checks/page-limit';

export interface CheckResult {
  findings: Finding[];
  outline: Outline;
  selection: Selection;
  template?: Template;
  /** Everything the checks saw, for hover, completion and the checklist. */
  context: CheckContext;
  /** The A4 page estimate (absent for very large files). */
  pages?: PageEstimate;
  /** Checks that threw: contained, reported apart, the other checks still ran. */
  errors: Array<{ code: string; message: string }>;
}

/**
 * Checks one report against the registry's templates. Pure: the same text, registry and options
 * give the same findings, and any text yields findings or nothing — never an exception. A
 * per-document `cache` makes a re-check after an edit re-parse only the chunks that changed.
 */
/** Default size above which a document gets the light parse and only the outline checks. */
export const LARGE_FILE_THRESHOLD = 5 * 1024 * 1024;

/** Checks that still run on a very large document (they need only headings and front matter). */
const LIGHT_CHECKS = new Set(['no-template', 'unknown-template', 'template-error', 'front-matter', 'large-file', 'missing-section', 'section-order', 'section-level', 'section-title', 'numbering']);

export function check(text: DocText, registry: TemplateRegistry, options: CheckOptions = {}, cache?: ParseCache): CheckResult {
  const large = utf8SizeOver(text, options.largeFileThreshold ?? LARGE_FILE_THRESHOLD);
  const doc = large ? parseLight(flat(text)) : parseMarkdown(text, cache);
  let marked = buildOutline(doc);
  let selection = selectTemplate(doc, marked, registry, options);
  let template = 'template' in selection ? selection.template : undefined;
  // A `##` under the title with the title of one of the outline's sections (Part One written, Part
  // Two not yet) is that section, not the subject line typed as a heading.
  const subtitles = !(template && marked.subtitle && titleOfSection(template.outline, marked.subtitle));
  if (!subtitles) marked = buildOutline(doc, [], false);
  let unmarked = large ? [] : findUnmarkedHeadings(doc, marked, template);
  let outline = unmarked.length ? buildOutline(doc, unmarked, subtitles) : marked;
  let alignment = template ? align(template.outline, outline) : undefined;
  // An outline named only by the title that the report does not follow is not applied: its
  // sections would all be “missing”, and fix-all would insert them (see `Doubt`).
  const doubted = alignment && doubtByTitle(selection, doc, outline, alignment);
  if (doubted) {
    selection = { kind: 'none', doubted };
    template = alignment = undefined;
    unmarked = large ? [] : findUnmarkedHeadings(doc, marked, undefined);
    outline = unmarked.length ? buildOutline(doc, unmarked, subtitles) : marked;
  }
  const errors: CheckResult['errors'] = [];
  const ctx: CheckContext = { text, doc, outline, registry, selection, template, alignment, options, large };
  if (!large) {
    try {
      // The report's own front matter (`co-chu:`, `le:` …) wins over the editor's settings.
      const settings = { ...options.pageSettings, ...readPageSettings(doc.frontMatter?.entries) };
      ctx.pages = estimatePagesOf(doc, settings, cache);
      // Trees are only for the layout of this check; assigning (not `delete`) keeps the records' shape.
      for (const c of doc.chunks) if (c.tree) c.tree = undefined;
    } catch (e) {
      ctx.pages = undefined;
      errors.push({ code: 'page-limit', message: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  }
  // Typing in prose (or in a title that pairs as before) leaves the outline as it was: the
  // structural checks whose findings the edit cannot reach keep the last ones, moved with the
  // text (see `structure.ts`); the others run again, recording the headings they quote.
  const memo = cache && !large ? (cache.checkMemo as StructureMemo | undefined) : undefined;
  const optionsKey = cache && !large ? JSON.stringify(options) : '';
  const lineBreak = lineBreakOf(text);
  const moved = memo && cache!.lastChange ? reuseStructure(memo, ctx, cache!.lastChange, optionsKey, lineBreak) : undefined;
  if (cache) cache.movedChecks = moved ? [...moved.keys()] : [];
  const structural = new Map<string, Finding[]>();
  const quoted = new Map<string, Array<[number, number]>>();
  let structuralFailed = false;
  const findings: Finding[] = [];
  for (const c of checks) {
    const level = options.levels?.[c.code] ?? c.defaultLevel;
    if (level === 'ignore' || (large && !LIGHT_CHECKS.has(c.code))) continue;
    const isStructural = STRUCTURAL_CHECKS.has(c.code);
    const kept = isStructural ? moved?.get(c.code) : undefined;
    if (kept) {
      findings.push(...kept.findings);
      structural.set(c.code, kept.findings);
      quoted.set(c.code, kept.quoted);
      continue;
    }
    try {
      const run = collectQuotes(() => c.run(ctx));
      const found = run.value.map((draft): Finding => ({ ...draft, code: c.code, level }));
      findings.push(...found);
      if (isStructural) {
        structural.set(c.code, found);
        quoted.set(c.code, run.quoted.map((h) => [h.offset, h.end]));
      }
    } catch (e) {
      structuralFailed ||= isStructural;
      errors.push({ code: c.code, message: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  }
  if (cache) cache.checkMemo = large || structuralFailed ? undefined : ({ ctx, generation: cache.generation, optionsKey, lineBreak, findings: structural, quoted } satisfies StructureMemo);
  findings.sort((a, b) => a.offset - b.offset);
  return { findings, outline, selection, template, context: ctx, errors, pages: ctx.pages };
}

/** Convenience: a registry from template sources (built-ins first, then the workspace's). */
export function createRegistry(sources: readonly TemplateSource[]): TemplateRegistry {
  return loadTemplates(sources);
}
export { langOf, say, type Lang } from './l10n';
