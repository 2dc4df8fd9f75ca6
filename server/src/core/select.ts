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
function titleText(doc: ParsedMarkdown, outline: Outline): string {
  const firstSection = outline.all[0]?.heading.offset ?? doc.text.length;
  const title = outline.title;
  // A title that only names the kind of document (`# BÁO CÁO`, `# KẾ HOẠCH`) has its subject on
  // the lines after it (`**Sơ kết 05 năm thực hiện Cuộc vận động …**`): read them with it.
  if (title && title.text.trim().split(/\s+/).length > 3) return title.text;
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
    const id = String(named.value).trim();
    const template = registry.templates.get(id);
    if (template) return { kind: 'front-matter', template, cap };
    return { kind: 'unknown', id, offset: named.offset, end: named.end, suggestions: registry.closest(id) };
  }
  if (options.template) {
    const template = registry.templates.get(options.template);
    if (template) return { kind: 'setting', template, cap };
  }
  const key = ` ${titleKeys(titleText(doc, outline)).full} `;
  // The phrase found earliest wins — a title names its kind first ("KẾ HOẠCH sơ kết …" is a plan,
  // "BÁO CÁO sơ kết … kế hoạch" a report) — then the longest.
  let best: { template: Template; at: number; words: number } | undefined;
  for (const template of registry.templates.values()) {
    for (const phrase of template.match) {
      const at = key.indexOf(` ${phrase} `);
      if (at < 0) continue;
      const words = phrase.split(' ').length;
      if (!best || at < best.at || (at === best.at && words > best.words)) best = { template, at, words };
    }
  }
  return best ? { kind: 'title', template: best.template, cap } : { kind: 'none' };
}
