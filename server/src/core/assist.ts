import type { CheckContext } from './check';
import type { Section } from './outline';
import { insertSectionEdits, bareTitle } from './insert';
import { lineEndAfter } from './outline';
import type { Message } from './types';
import { parseNumbering, type Numbering } from './numbering';
import { formatNumber } from './renumber';
import { levelName } from './levels';

/** The report section whose heading line holds `offset`. */
function headingAt(ctx: CheckContext, offset: number): Section | undefined {
  return ctx.outline.all.find((s) => offset >= s.heading.offset && offset <= lineEndAfter(ctx.text, s.heading.offset));
}

function limitText(ctx: CheckContext): Message | undefined {
  const pages = ctx.template?.pages;
  if (!pages || !Object.keys(pages).length) return undefined;
  const list = (lang: 'vi' | 'en') => Object.entries(pages)
    .map(([cap, n]) => (cap === '*' ? `${n}` : lang === 'vi' ? `${levelName(cap, 'vi')} ${n}` : `${n} for ${levelName(cap, 'en')}`)).join(', ');
  return { vi: `Giới hạn (trang A4): ${list('vi')}`, en: `Page limit (A4 pages): ${list('en')}` };
}

export interface HoverInfo {
  offset: number;
  length: number;
  markdown: Message;
}

/** A heading's outline entry: title, required or optional, guidance, page limit. */
export function hoverAt(ctx: CheckContext, offset: number): HoverInfo | undefined {
  const section = headingAt(ctx, offset);
  if (!section || !ctx.template || !ctx.alignment) return undefined;
  const range = { offset: section.heading.offset, length: section.heading.end - section.heading.offset };
  const pair = ctx.alignment.byActual.get(section);
  const name = `“${ctx.template.title}” (\`${ctx.template.id}\`)`;
  if (!pair) {
    return { ...range, markdown: { vi: `Mục này không có trong đề cương ${name} — được phép thêm.`, en: `This section is not in the outline ${name} — extra sections are allowed.` } };
  }
  const t = pair.expected;
  const guidance = ctx.template.guidance[t.index] ?? '';
  const limit = limitText(ctx);
  const lines = (lang: 'vi' | 'en') => [
    `**${t.heading.text}${ctx.template!.subtitles[t.index] ? ` ${ctx.template!.subtitles[t.index]}` : ''}** — ${t.optional ? (lang === 'vi' ? 'không bắt buộc (nếu có)' : 'optional (“nếu có”)') : lang === 'vi' ? 'bắt buộc' : 'required'}`,
    lang === 'vi' ? `Đề cương: ${name}` : `Outline: ${name}`,
    ...(guidance ? ['', guidance] : []),
    ...(limit ? ['', limit[lang]] : []),
  ].join('\n\n');
  return { ...range, markdown: { vi: lines('vi'), en: lines('en') } };
}

export interface CompletionEntry {
  /** The heading text after the marker, numbered as the insert fix would number it. */
  label: string;
  guidance: string;
  optional: boolean;
}

/**
 * Sections of the outline still missing that belong at `depth` (the `#` count being typed) at this
 * spot, in outline order, numbered as inserting them here would number them.
 */
export function completionsAt(ctx: CheckContext, offset: number, depth: number): CompletionEntry[] {
  if (!ctx.template || !ctx.alignment) return [];
  const pairs = ctx.alignment.pairs;
  const topDepth = ctx.outline.all.length ? ctx.outline.topDepth : ctx.outline.title ? ctx.outline.title.depth + 1 : 1;
  const level = depth - topDepth + 1;
  const lineStart = ctx.text.lastIndexOf('\n', offset - 1) + 1;
  // The report section the cursor is in, at the level above the one being typed.
  const container = ctx.outline.all.filter((s) => s.heading.offset < lineStart && s.level === level - 1 && s.end >= lineStart).pop();
  const out: CompletionEntry[] = [];
  let first: Numbering | undefined;
  for (const t of ctx.template.outline.all) {
    if (t.level !== level || pairs.has(t)) continue;
    const parent = t.parent ? pairs.get(t.parent)?.actual : undefined;
    if (t.parent && (!parent || (container && parent !== container))) continue;
    // Only what belongs between the outline sections present before and after the cursor.
    const siblings = t.parent ? t.parent.children : ctx.template.outline.roots;
    const at = siblings.indexOf(t);
    const prev = siblings.slice(0, at).map((x) => pairs.get(x)).filter(Boolean).pop();
    const next = siblings.slice(at + 1).map((x) => pairs.get(x)).find(Boolean);
    if ((prev && prev.actual.heading.offset >= lineStart) || (next && next.actual.heading.offset < lineStart)) continue;
    const edits = insertSectionEdits({ ...ctx, options: { ...ctx.options, insertOnly: true } }, t, lineStart, false);
    let label = edits[0]!.text.replace(/^(\r?\n)+/, '').split(/\r?\n/)[0]!.replace(/^#+\s*/, '') || bareTitle(t);
    // Later candidates are numbered as if the ones before them had been inserted.
    const n = parseNumbering(label.normalize('NFC'));
    if (n && first) label = formatNumber(first.style, first.value + out.length, first, first.parts?.slice(0, -1)) + label.slice(n.length - (label.slice(0, n.length).endsWith(' ') ? 1 : 0));
    else if (n) first = n;
    out.push({ label, guidance: ctx.template.guidance[t.index] ?? '', optional: t.optional });
  }
  return out;
}
