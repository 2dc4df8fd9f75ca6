import type { DocText } from './text';
import { readText, type CheckContext } from './check';
import { titleBlock } from './select';
import type { Section } from './outline';
import type { Numbering, NumberingStyle } from './numbering';
import { family, formatNumber, numberRange, prefixOf, reprefix } from './renumber';
import { lineBreakOf } from './lines';
import { withoutOptionalMark } from './normalize';
import type { Fix } from './types';

/** A number to give a new heading: its style, value, decimal prefix and a sibling to copy the shape of. */
interface NewNumber {
  style: NumberingStyle;
  value: number;
  prefix?: number[];
  like?: Numbering;
}

function requiredChildren(section: Section): Section[] {
  return section.children.filter((c) => !c.optional);
}

/** Is outline section `s` below `ancestor`? */
function isBelow(s: Section, ancestor: Section): boolean {
  for (let p = s.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/**
 * The required subsections of a missing section that go in with it: not one the report already
 * has (paired by the alignment — left behind when the section's heading was deleted, or under a
 * section renamed in its place), nor anything below such one (a missing one of those is reported
 * on its own).
 */
export function missingDescendants(ctx: CheckContext, section: Section): Section[] {
  const pairs = ctx.alignment!.pairs;
  return requiredChildren(section).filter((c) => !pairs.has(c)).flatMap((c) => [c, ...missingDescendants(ctx, c)]);
}

/**
 * The report sections paired with subsections (at any depth) of the missing `section`: its
 * subsections the report has, e.g. orphaned under its parent when its heading was deleted.
 */
export function pairedDescendants(ctx: CheckContext, section: Section): Section[] {
  const out: Section[] = [];
  for (const [expected, pair] of ctx.alignment!.pairs) if (isBelow(expected, section)) out.push(pair.actual);
  return out;
}

/**
 * Where an insertion at `offset` is seen by Markdown: before a fenced code block or an HTML comment
 * (or `<pre>`, `<script>`, `<style>`, `<textarea>` block) left open at the end of the document,
 * which would swallow it — the fix would then change nothing and be offered again.
 */
export function outsideOpenBlock(ctx: CheckContext, offset: number): number {
  const open = openTailStart(ctx);
  const closing = closingStart(ctx);
  const before = open >= 0 && (closing < 0 || open < closing) ? open : closing;
  return before >= 0 && offset > before ? before : offset;
}

/**
 * A line that opens a document's closing block: the list of recipients (`Nơi nhận:`) or the
 * signature (`TM. BAN THƯỜNG TRỰC`, `KT. CHỦ TỊCH`, `CHỦ TỊCH` alone), bold or in a table's cell.
 */
const CLOSING_LINE = /^(?:nơi nhận\s*:?\s*(?:$|<br>|\|)|(?:tm|t\/m|kt|k\/t|tl|t\/l|tuq|q)\.?\s+\p{Lu}[^.,;:]{0,60}(?:$|<br>|\|)|(?:phó )?chủ tịch$|trưởng ban$|bí thư$)/iu;

/**
 * The sentence that closes a report's body (“Trên đây là báo cáo … ./.”): the closing block starts
 * there when it ends with the official mark `./.` or nothing but the recipients, the signature or
 * the end follows it (a “Trên đây là …” summing up a passage is prose).
 */
const CLOSING_SENTENCE = /^trên đây là\s/iu;

/** A heading after the signature that the closing block does not end at: an appendix. */
const APPENDIX_WORDS = 'phụ lục|biểu mẫu|danh sách kèm theo';
const APPENDIX = new RegExp(`^(?:${APPENDIX_WORDS})\\b`, 'iu');
/** What an appendix's title key starts with (lower case and NFC already: see `titleKeys`). */
const APPENDIX_KEY = new RegExp(`^(?:${APPENDIX_WORDS})`);

/** How far from the end a closing block may start: recipients and a signature, not sections. */
const CLOSING_MAX = 2000;

const closings = new WeakMap<CheckContext['doc'], number>();

/**
 * Where the closing block at the end of the document starts (its first line, or its table's), after
 * the last heading; -1 when there is none. A section missing at the end goes before it: the last
 * section's content ends there, not below the signature. Per parse, once.
 */
export function closingStart(ctx: Pick<CheckContext, 'doc' | 'text'>): number {
  let known = closings.get(ctx.doc);
  if (known !== undefined) return known;
  known = -1;
  const text = ctx.text;
  // Up to an appendix after the signature (`## PHỤ LỤC`), if any; from the last heading before
  // that, its own line (“### Nơi nhận:” typed as a heading opens the block too).
  const headings = ctx.doc.headings;
  // (Its key first: lower case and NFC already, asked of every heading on every keystroke.)
  const appendix = headings.findIndex((h) => APPENDIX_KEY.test(h.keys.full) && APPENDIX.test(h.text.normalize('NFC')));
  const end = appendix >= 0 ? headings[appendix]!.offset : text.length;
  const lastHeading = headings[(appendix >= 0 ? appendix : headings.length) - 1];
  const from = Math.max(lastHeading ? lastHeading.offset : 0, end - CLOSING_MAX);
  let lineStart = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  let tableStart = -1;
  /** Where a closing sentence was seen, while only blank lines have followed it. */
  let sentence = -1;
  while (lineStart >= 0 && lineStart < end) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd).trim();
    tableStart = line.startsWith('|') ? (tableStart < 0 ? lineStart : tableStart) : -1;
    const bare = line.replace(/^#{1,6}\s+/, '').replace(/^[|>\s-]*/, '').replace(/[*_]/g, '').trim().normalize('NFC');
    if (CLOSING_LINE.test(bare)) {
      known = sentence >= 0 ? sentence : tableStart >= 0 ? tableStart : lineStart;
      break;
    }
    if (CLOSING_SENTENCE.test(bare)) {
      if (bare.endsWith('./.')) {
        known = lineStart;
        break;
      }
      sentence = lineStart;
    } else if (bare) sentence = -1;
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  // The closing sentence last in the text (or before an appendix), with no signature after it.
  if (known < 0 && sentence >= 0) known = sentence;
  closings.set(ctx.doc, known);
  return known;
}

const openTails = new WeakMap<CheckContext['doc'], number>();

/**
 * Where a fenced code block or HTML block left open at the end of the text begins (its line);
 * -1 when the text ends otherwise. Per parse, once: the structure compares it on each keystroke.
 */
export function openTailStart(ctx: Pick<CheckContext, 'doc' | 'text'>): number {
  let known = openTails.get(ctx.doc);
  if (known !== undefined) return known;
  known = -1;
  const chunks = ctx.doc.chunks;
  for (let i = chunks.length - 1; i >= 0; i--) {
    const blocks = chunks[i]!.summary.blocks;
    const last = blocks[blocks.length - 1];
    if (!last) continue;
    const start = ctx.text.lastIndexOf('\n', chunks[i]!.offset + last.offset - 1) + 1;
    const end = chunks[i]!.offset + last.end;
    if (!ctx.text.slice(end).trim() && (last.type === 'code' || last.type === 'html') && leftOpen(ctx.text.slice(start, end))) known = start;
    break;
  }
  openTails.set(ctx.doc, known);
  return known;
}

/** Is this fenced code block or HTML block (the text of it) never closed? */
function leftOpen(block: string): boolean {
  const lines = block.split(/\r?\n/);
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0]!);
  if (fence) {
    const close = new RegExp(`^ {0,3}${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}[ \\t]*$`);
    return !lines.slice(1).some((l) => close.test(l));
  }
  if (/^ {0,3}<!--/.test(block)) return !block.slice(block.indexOf('<!--') + 4).includes('-->');
  const raw = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i.exec(block);
  if (raw) return !new RegExp(`</${raw[1]}>`, 'i').test(block);
  return false;
}

/** Title of a template section without its number and without “(nếu có)”. */
export function bareTitle(section: Section): string {
  return withoutOptionalMark(section.heading.text.slice(section.heading.numbering?.length ?? 0).trim());
}

/**
 * Of the siblings the outline puts before `expected`, the one the report has last (before the
 * next sibling it has, if that comes later): a missing section goes after it. Not simply the one
 * just before in the outline — with two swapped ("2." before "1."), that would put the new one
 * between them.
 */
export function previousInReport(ctx: CheckContext, expected: Section): { outline: Section; actual: Section; next?: Section } | undefined {
  const pairs = ctx.alignment!.pairs;
  const siblings = expected.parent ? expected.parent.children : ctx.template!.outline.roots;
  const at = siblings.indexOf(expected);
  const next = siblings.slice(at + 1).map((s) => pairs.get(s)?.actual).find(Boolean);
  const before = siblings.slice(0, at).flatMap((s) => {
    const actual = pairs.get(s)?.actual;
    return actual ? [{ outline: s, actual, next }] : [];
  });
  const inOrder = next ? before.filter((b) => b.actual.heading.offset < next.heading.offset) : before;
  return (inOrder.length ? inOrder : before).reduce<{ outline: Section; actual: Section; next?: Section } | undefined>((last, b) => (!last || b.actual.heading.offset > last.actual.heading.offset ? b : last), undefined);
}

/** A year as outlines and reports write it in titles: not a date's (`15/12/2016`, `12-2016`). */
const TITLE_YEAR = /(?<![\d/.-])(?:19|20)\d\d(?!\d)/g;
const firstYear = (title: string): number | undefined => {
  const m = title.match(TITLE_YEAR);
  return m ? Number(m[0]) : undefined;
};

/**
 * Years between the outline and the report: an outline taken from 2021's report says "6 THÁNG
 * ĐẦU NĂM 2021" where this report says 2023. Read from the first pair of sections whose titles
 * both carry a year, else from the report's title against the outline's; 0 when neither tells.
 */
export function yearShift(ctx: CheckContext): number {
  // The text read is noted: an edit of a year there re-runs the checks whose words depend on it.
  for (const { expected, actual } of ctx.alignment?.pairs.values() ?? []) {
    readText(actual.heading);
    const e = firstYear(expected.heading.text);
    const a = e && yearLike(actual.heading.text, expected.heading.text);
    if (e && a) return a - e;
  }
  // The report's title block (its subject line in bold under `# BÁO CÁO` too).
  const block = titleBlock(ctx.doc, ctx.outline);
  readText(block);
  const outlineTitle = ctx.template?.title ?? '';
  const e = firstYear(outlineTitle);
  const a = e && yearLike(block.text, outlineTitle);
  return e && a ? a - e : 0;
}

/**
 * The year of `text` that stands where the outline's first year stands in `outline`: after the
 * same word (“năm 2021” ↔ “năm 2025”, not the “nhiệm kỳ 2024 - 2029” before it), else the first.
 */
function yearLike(text: string, outline: string): number | undefined {
  const m = /(\p{L}+)\s+(?:19|20)\d\d(?!\d)/u.exec(outline.normalize('NFC'));
  if (m) {
    const word = m[1]!.toLocaleLowerCase('vi');
    for (const y of text.normalize('NFC').matchAll(/(\p{L}+)\s+((?:19|20)\d\d)(?!\d)/gu)) {
      if (y[1]!.toLocaleLowerCase('vi') === word) return Number(y[2]);
    }
  }
  return firstYear(text);
}

/**
 * `yearShift` computed on first use and kept for one check's run (within its `collectQuotes`, so
 * that the text it reads is noted for that check).
 */
export function yearShiftOnce(ctx: CheckContext): () => number {
  let shift: number | undefined;
  return () => (shift ??= yearShift(ctx));
}

/**
 * The years `titleForReport` moves: a year standing alone, both ends of a range typed without
 * spaces (“nhiệm kỳ 2021-2026”), and a month's year (“số liệu đến tháng 6/2022”) — not the year
 * of a date (“ngày 12/9/2017”, a document cited: it stays as it was).
 */
const MOVED_YEARS = /(?<![\d/.-])((?:19|20)\d\d)(?!\d)(?:([-–])((?:19|20)\d\d)(?!\d))?|(?<=tháng\s+\d{1,2}\/)((?:19|20)\d\d)(?!\d)/giu;

/** An outline section's title (or guidance) with its years moved to the report's (see `yearShift`). */
export function titleForReport(title: string, shift: number): string {
  if (!shift) return title;
  const move = (y: string) => String(Number(y) + shift);
  return title.replace(MOVED_YEARS, (_m, year: string | undefined, dash: string | undefined, end: string | undefined, monthYear: string | undefined) =>
    year ? `${move(year)}${dash ? `${dash}${move(end!)}` : ''}` : move(monthYear!),
  );
}

/**
 * Guidance as an HTML comment the author replaces. Only `-->` would end it early (CommonMark), so
 * only that is broken; a table's `|---|` stays a table for when the comment is taken away.
 */
export function guidanceComment(text: string, eol: string): string {
  const body = text.replace(/-->/g, '- ->').split(/\r?\n/).map((l) => l.trimEnd()).join(eol);
  return `<!-- ${body} -->`;
}

/**
 * The edits that insert a missing section (and its required subsections) where it belongs: at the
 * level the report uses for that depth, numbered as the report's neighbours imply, with the
 * outline's guidance as a comment; a following sibling that already carries the new number is
 * renumbered in the same edit. Only inserts text, and only replaces numbers of shifted siblings;
 * insert-only (`options.insertOnly`), it renumbers nothing and sets `placed.collides` when that
 * sibling keeps the number.
 */
export function insertSectionEdits(ctx: CheckContext, expected: Section, insertAt: number, withGuidance: boolean, placed?: { collides?: boolean }): Fix[] {
  const text = ctx.text;
  const eol = lineBreakOf(text);
  const outline = ctx.outline;
  const pairs = ctx.alignment!.pairs;
  const topDepth = outline.all.length ? outline.topDepth : outline.title ? outline.title.depth + 1 : 1;
  const depth = (level: number) => Math.max(1, Math.min(6, topDepth + level - 1));
  const parentActual = expected.parent ? pairs.get(expected.parent)?.actual : undefined;
  // Its own subsections the report has (orphaned where its heading was deleted) are no siblings
  // to number after: "a. b. c." under "II." do not make the missing "1." a "d." — unless at its
  // level, where they are numbered as its siblings are.
  const own = new Set(pairedDescendants(ctx, expected).filter((s) => s.level > expected.level));
  const container = (parentActual ? parentActual.children : outline.roots).filter((s) => !own.has(s));
  const numbered = container.filter((s) => s.heading.numbering);
  // The number follows the previous sibling the outline names, when the report has it here: a
  // subsection of it at a wrong level (`## 2.` after `## II.`) is no sibling to number after.
  const previous = previousInReport(ctx, expected)?.actual;
  const before = previous && numbered.includes(previous) && previous.heading.offset < insertAt ? previous : numbered.filter((s) => s.heading.offset < insertAt).pop();
  const after = numbered.filter((s) => s.heading.offset >= insertAt);

  let number: NewNumber | undefined;
  const sample = before ?? after[0];
  if (sample) {
    const n = sample.heading.numbering!;
    const prefix = n.style === 'decimal' ? n.parts!.slice(0, -1) : undefined;
    // After the highest number before it in that style: two swapped siblings ("2.", "1.") make "3.".
    const last = before ? Math.max(...numbered.filter((s) => s.heading.offset < insertAt && family(s.heading.numbering!.style) === family(n.style)).map((s) => s.heading.numbering!.value)) : 0;
    number = { style: n.style, value: last + 1, prefix, like: n };
  } else if (!container.length && expected.heading.numbering) {
    // No neighbours to follow: the outline's own style, under the report's parent number.
    const n = expected.heading.numbering;
    const prefix = n.style === 'decimal' ? prefixOf(parentActual?.heading.numbering) ?? n.parts!.slice(0, -1) : undefined;
    number = { style: n.style, value: n.style === 'decimal' ? n.parts![n.parts!.length - 1]! : n.value, prefix, like: n };
  }

  const lines: string[] = [];
  const shift = yearShift(ctx);
  // A part the outline gives as a number with its title below in bold goes in as the report writes
  // its parts: the title on the heading line after a titled sibling, else below it as the outline has it.
  const titleBelow = !sample?.heading.keys.core;
  const emit = (section: Section, level: number, num: NewNumber | undefined) => {
    const label = num ? formatNumber(num.style, num.value, num.like, num.prefix) + ' ' : '';
    const subtitle = titleForReport(ctx.template!.subtitles[section.index] ?? '', shift);
    const title = titleForReport(bareTitle(section), shift) || (titleBelow ? '' : subtitle);
    lines.push(`${'#'.repeat(depth(level))} ${label}${title}`.trimEnd(), '');
    if (subtitle && !title) lines.push(`**${subtitle}**`, '');
    const guidance = withGuidance ? titleForReport(ctx.template!.guidance[section.index] ?? '', shift) : '';
    if (guidance) lines.push(guidanceComment(guidance, eol), '');
    const childPrefix = num && (num.style === 'arabic' || num.style === 'decimal') ? [...(num.prefix ?? []), num.value] : undefined;
    requiredChildren(section).forEach((child, i) => {
      // A subsection the report already has is not inserted again (nor what is below it).
      if (pairs.has(child)) return;
      const n = child.heading.numbering;
      const childNum = n && { style: n.style, value: i + 1, prefix: n.style === 'decimal' ? childPrefix ?? n.parts!.slice(0, -1) : undefined, like: n };
      emit(child, level + 1, childNum);
    });
  };
  emit(expected, expected.level, number);

  // Blank line before the new heading, none doubled at the end of the file.
  const preceding = text.slice(Math.max(0, insertAt - 4), insertAt);
  const lead = insertAt === 0 || /(\r?\n){2}$/.test(preceding) ? '' : /\r?\n$/.test(preceding) ? eol : eol + eol;
  let block = lead + lines.join(eol) + (insertAt < text.length ? eol : '');
  if (insertAt >= text.length) block = block.replace(/(\r?\n)+$/, '') + eol;
  // Keep the Unicode form of the text around the insertion (NFD drafts stay NFD).
  const around = text.slice(Math.max(0, insertAt - 200), insertAt + 200);
  if (around !== around.normalize('NFC')) block = block.normalize('NFD');

  const edits: Fix[] = [{ offset: insertAt, length: 0, text: block }];
  // "III." inserted before an existing "III.": shift the colliding siblings up — or, insert-only
  // (fix-all), say that the report would have two of that number.
  const next = after[0]?.heading.numbering;
  if (placed && number && next && family(next.style) === family(number.style) && next.value === number.value) placed.collides = Boolean(ctx.options.insertOnly);
  if (number && !ctx.options.insertOnly) {
    let taken = number.value;
    for (const s of after) {
      const n = s.heading.numbering!;
      if (family(n.style) !== family(number.style) || n.value !== taken) break;
      const range = numberRange(text, s.heading);
      if (!range) break;
      taken++;
      edits.push({ offset: range[0], length: range[1] - range[0], text: formatNumber(number.style, taken, n, number.prefix) });
      const from = prefixOf(n);
      const to = number.style === 'decimal' ? [...(number.prefix ?? []), taken] : number.style === 'arabic' ? [taken] : undefined;
      if (from && to) edits.push(...reprefix(text, s, from, to));
    }
  }
  return edits;
}

/** Replaces only a heading's title text with the outline's, keeping its number and marker. */
export function retitleEdit(text: DocText, actual: Section, title: string): Fix | undefined {
  const h = actual.heading;
  let start = numberRange(text, h)?.[1] ?? h.textOffset;
  while (start < h.textEnd && /[ \t*_]/.test(text.charAt(start))) start++;
  let end = h.textEnd;
  // Keep closing emphasis (`## **1. Tiêu đề**`).
  while (end > start && (text.charAt(end - 1) === '*' || text.charAt(end - 1) === '_')) end--;
  if (h.numbering && start === h.textOffset) return undefined;
  const current = text.slice(start, end);
  const replacement = current !== current.normalize('NFC') ? title.normalize('NFD') : title;
  return current === replacement ? undefined : { offset: start, length: end - start, text: replacement };
}
