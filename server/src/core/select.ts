import type { ParsedMarkdown } from './parse';
import type { Outline } from './outline';
import type { Template, TemplateRegistry } from './templates';
import { titleKeys } from './normalize';
import type { CheckOptions } from './types';
import { levelKey } from './levels';

/** How a report's template was chosen — or why none was. */
export type Selection =
  | { kind: 'front-matter' | 'setting' | 'title'; template: Template; cap?: string }
  | { kind: 'unknown'; id: string; offset: number; end: number; suggestions: string[] }
  | { kind: 'none' };

/** How much of the document's start is read for the title when there is no title heading. */
const TITLE_WINDOW = 600;

/** The words a report is known by: its title heading, else the text before its first section. */
function titleText(doc: ParsedMarkdown, outline: Outline, withSubject = false): string {
  const firstSection = outline.all[0]?.heading.offset ?? doc.text.length;
  const title = outline.title;
  // A title that only names the kind of document (`# BÁO CÁO`, `# KẾ HOẠCH`) has its subject on
  // the lines after it (`**Sơ kết 05 năm thực hiện Cuộc vận động …**`): read them with it. A longer
  // one is read alone first (`withSubject` reads on when it matched nothing: `# BÁO CÁO TỔNG KẾT`
  // over `**Công tác Hội …**`).
  if (title && !withSubject && title.text.trim().split(/\s+/).length > 3) return title.text;
  const start = title ? title.offset : doc.frontMatter?.end ?? 0;
  return doc.text.slice(start, Math.min(firstSection, start + TITLE_WINDOW));
}

/**
 * Picks the template: front matter `decuong: <id>` first, then the `decuong.template` setting,
 * then the template whose `match` phrase comes first (then longest) in the report's title.
 */
export function selectTemplate(doc: ParsedMarkdown, outline: Outline, registry: TemplateRegistry, options: CheckOptions): Selection {
  const fm = doc.frontMatter?.entries;
  const capValue = fm?.get('cap')?.value;
  const written = typeof capValue === 'string' || typeof capValue === 'number' ? String(capValue) : options.cap;
  // People type the level as the messages print it (`cấp xã`, `Xã`, `thị trấn`): read as its key.
  const cap = (written && levelKey(written)) || undefined;
  if (options.template && options.forceTemplate) {
    const template = registry.templates.get(options.template);
    if (template) return { kind: 'setting', template, cap };
  }
  const named = fm?.get('decuong');
  if (named && (typeof named.value === 'string' || typeof named.value === 'number') && String(named.value).trim()) {
    const id = String(named.value).trim().normalize('NFC');
    const template = registry.templates.get(id);
    if (template) return { kind: 'front-matter', template, cap };
    return { kind: 'unknown', id, offset: named.offset, end: named.end, suggestions: registry.closest(id) };
  }
  if (options.template) {
    const template = registry.templates.get(options.template);
    if (template) return { kind: 'setting', template, cap };
  }
  const chosen = byTitle(` ${titleKeys(titleText(doc, outline)).full} `, registry) ?? (outline.title ? byTitle(` ${titleKeys(titleText(doc, outline, true)).full} `, registry) : undefined);
  return chosen ? { kind: 'title', template: chosen, cap } : { kind: 'none' };
}

/** The template whose `match` phrase comes first in the title key (see `beats` for ties). */
function byTitle(key: string, registry: TemplateRegistry): Template | undefined {
  // The phrase found earliest wins — a title names its kind first ("KẾ HOẠCH sơ kết …" is a plan,
  // "BÁO CÁO sơ kết … kế hoạch" a report) — then the longest.
  // Before that, the workspace's own outlines (kept there for its reports) over the built-in ones,
  // and an outline over one it extends (it narrows it: a 9-month report of a general one).
  let best: { template: Template; at: number; words: number } | undefined;
  for (const template of registry.templates.values()) {
    for (const phrase of template.match) {
      const at = key.indexOf(` ${phrase} `);
      if (at < 0) continue;
      const candidate = { template, at, words: phrase.split(' ').length };
      if (!best || beats(candidate, best, registry)) best = candidate;
    }
  }
  return best?.template;
}

type TitleMatch = { template: Template; at: number; words: number };

function beats(a: TitleMatch, b: TitleMatch, registry: TemplateRegistry): boolean {
  if (a.template !== b.template) {
    if (a.template.builtin !== b.template.builtin) return !a.template.builtin;
    if (extendsFrom(a.template, b.template, registry)) return true;
    if (extendsFrom(b.template, a.template, registry)) return false;
  }
  return a.at < b.at || (a.at === b.at && a.words > b.words);
}

/** Whether `child` extends `ancestor`, directly or through others (cycles are cut). */
function extendsFrom(child: Template, ancestor: Template, registry: TemplateRegistry): boolean {
  const seen = new Set<string>();
  for (let id = child.extends; id && !seen.has(id); id = registry.templates.get(id)?.extends) {
    if (id === ancestor.id) return true;
    seen.add(id);
  }
  return false;
}
