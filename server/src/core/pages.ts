import { flat } from './text';
import { lastAtOrBefore } from './lines';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { chunkStarts, chunkTree, definitionsIn, keyOf, memoSlot, parseMarkdown, referencedIn, type ParseCache, type ParsedMarkdown } from './parse';
import { CHARS, LINE_HEIGHT_UNITS, UNITS_PER_EM, WIDTHS, type FontStyle } from './fontMetrics';

/*
 * Page estimate: the report laid out the way Decree 30/2020/NĐ-CP typesets it (and the way
 * shared/tools/pagecount renders it with pandoc + LibreOffice), line by line with the advance
 * widths of Liberation Serif (= Times New Roman metrics), then paginated in twips.
 *
 *   text ─ chunks (heading to heading, as parse.ts cuts them) ─ per chunk, cached by its text and
 *   the settings: blocks → paragraphs → lines (greedy, real widths, LibreOffice's break rules)
 *   ─ units {lines, pitch, keep flags} ─ one linear pagination pass over all units (widow/orphan
 *   2+2, headings kept with what follows, table rows whole) ─ pages, decimal, breaks.
 *
 * Pure: no file system, no LSP. The rules come from shared/tools/pagecount/NOTES.md (§4, §5), each
 * checked against LibreOffice's output; where the output disagreed with the notes (break rules,
 * the 1/6-twip glyph grid, table columns), the output won. docs/pages-accuracy.md has the details
 * and the measured accuracy.
 */

/** Page margins in millimetres. */
export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** How the report is typeset. Defaults: Decree 30 — 14 pt, single, 20/20/30/15 mm, 6 pt after, 1 cm indent. */
export interface PageSettings {
  /** Font size in points (the decree: 13 or 14). */
  fontSize: number;
  /** Line spacing as a multiple of single (the decree: 1 to 1.5). */
  lineSpacing: number;
  margins: Margins;
  /** Space after each paragraph, in points (the decree: at least 6). */
  paraAfter: number;
  /** First-line indent of body paragraphs, in centimetres (the decree: 1 or 1.27). */
  indent: number;
}

export const DEFAULT_PAGE_SETTINGS: Readonly<PageSettings> = Object.freeze({
  fontSize: 14,
  lineSpacing: 1,
  margins: Object.freeze({ top: 20, bottom: 20, left: 30, right: 15 }),
  paraAfter: 6,
  indent: 1,
});

export interface PageEstimate {
  /** Whole pages. */
  pages: number;
  /** pages − 1 + the fraction of the last page's text area used, to 2 decimals. */
  decimal: number;
  /** 0-based source line where each page after the first begins. */
  breaks: number[];
  /** UTF-16 offset (into the original text) of the first character set on each page after the first. */
  breakOffsets: number[];
  /** Typeset lines in the whole report (table rows count as one). */
  lines: number;
  /** The settings the estimate assumed (defaults ← front matter ← explicit settings). */
  settings: PageSettings;
}

// ─────────────────────────────────────────────────────────────────── settings

const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(?:[.,]\d+)?\s*(?:pt|mm|cm)?\s*$/i.test(v)) return Number(v.trim().replace(',', '.').replace(/[a-z]+$/i, ''));
  return undefined;
};
const within = (v: number | undefined, lo: number, hi: number): number | undefined => (v !== undefined && v >= lo && v <= hi ? v : undefined);

/** Margins from "T,B,L,R" (mm), [T, B, L, R], or {top|tren, bottom|duoi, left|trai, right|phai}; undefined if invalid. */
export function parseMargins(value: unknown): Margins | undefined {
  let list: Array<number | undefined> | undefined;
  if (typeof value === 'string') list = value.split(/[,;/\s]+/).filter(Boolean).map(num);
  else if (Array.isArray(value)) list = value.map(num);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    list = [o.top ?? o.tren, o.bottom ?? o.duoi, o.left ?? o.trai, o.right ?? o.phai].map(num);
  }
  if (!list || list.length !== 4 || list.some((v) => within(v, 0, 100) === undefined)) return undefined;
  const [top, bottom, left, right] = list as number[];
  if (top! + bottom! > 250 || left! + right! > 180) return undefined;
  return { top: top!, bottom: bottom!, left: left!, right: right! };
}

/** Front-matter keys (Vietnamese first, English aliases) a report may set its typesetting with. */
export const PAGE_SETTING_KEYS = {
  fontSize: ['co-chu', 'font-size'],
  lineSpacing: ['gian-dong', 'line-spacing'],
  margins: ['le', 'margins'],
  paraAfter: ['cach-doan', 'para-after'],
  indent: ['thut-dau-dong', 'indent'],
} as const;

/**
 * The settings a report's front matter overrides: `co-chu: 13`, `gian-dong: 1.5`,
 * `le: 20,20,30,15` (T,B,L,R mm), `cach-doan: 6` (pt), `thut-dau-dong: 1.27` (cm), or their English
 * aliases (`font-size`, `line-spacing`, `margins`, `para-after`, `indent`). Values out of range are ignored.
 */
export function readPageSettings(entries: ReadonlyMap<string, { value: unknown }> | undefined): Partial<PageSettings> {
  const out: Partial<PageSettings> = {};
  if (!entries) return out;
  const get = (keys: readonly string[]) => {
    for (const k of keys) {
      const e = entries.get(k);
      if (e && e.value !== null && e.value !== undefined && e.value !== '') return e.value;
    }
    return undefined;
  };
  const size = within(num(get(PAGE_SETTING_KEYS.fontSize)), 6, 36);
  if (size !== undefined) out.fontSize = size;
  const spacing = within(num(get(PAGE_SETTING_KEYS.lineSpacing)), 0.5, 3);
  if (spacing !== undefined) out.lineSpacing = spacing;
  const margins = parseMargins(get(PAGE_SETTING_KEYS.margins));
  if (margins) out.margins = margins;
  const after = within(num(get(PAGE_SETTING_KEYS.paraAfter)), 0, 72);
  if (after !== undefined) out.paraAfter = after;
  const indent = within(num(get(PAGE_SETTING_KEYS.indent)), 0, 5);
  if (indent !== undefined) out.indent = indent;
  return out;
}

/** Defaults, then each partial in turn (later wins); invalid values are ignored. */
export function resolvePageSettings(...layers: Array<Partial<PageSettings> | undefined>): PageSettings {
  const s: PageSettings = { ...DEFAULT_PAGE_SETTINGS, margins: { ...DEFAULT_PAGE_SETTINGS.margins } };
  for (const l of layers) {
    if (!l) continue;
    const size = within(num(l.fontSize), 6, 36);
    if (size !== undefined) s.fontSize = size;
    const spacing = within(num(l.lineSpacing), 0.5, 3);
    if (spacing !== undefined) s.lineSpacing = spacing;
    const margins = l.margins && parseMargins(l.margins);
    if (margins) s.margins = margins;
    const after = within(num(l.paraAfter), 0, 72);
    if (after !== undefined) s.paraAfter = after;
    const indent = within(num(l.indent), 0, 5);
    if (indent !== undefined) s.indent = indent;
  }
  return s;
}

// ─────────────────────────────────────────────────────────────────── geometry (twips)

/** Word's A4 in twips (1/20 pt), as pandoc's reference.docx and LibreOffice use it. */
const A4_W = 11906;
const A4_H = 16838;
const twMm = (mm: number) => Math.round((mm * 1440) / 25.4);
/** Table cell padding left and right (pandoc's Table style: 108 twips = 5.4 pt). */
const CELL_PAD = 108;
/** Code: 11 pt, DejaVu Sans line height (ascender 1901 + descender 483, per 2048). */
const CODE_SIZE = 11;
const CODE_LINE_UNITS = 2384;
/** The rule under a table's header row (pandoc's Table style), in twips. */
const HEADER_RULE = 16;
/** Block quotes: pandoc's Block Text style, 480 twips each side, 5 pt before and after, no indent. */
const QUOTE_SIDE = 480;
const QUOTE_SPACE = 100;

interface Geometry {
  key: string;
  /** Twips per font unit at the body size. */
  twPerUnit: number;
  textWidth: number;
  textHeight: number;
  indent: number;
  /** Height of a single line (text height), and the distance between line tops. */
  single: number;
  pitch: number;
  after: number;
  /** Code lines: single height and pitch of an 11 pt code line. */
  codeSingle: number;
  codePitch: number;
  /** For the fill of the last page, as pagecount measures it (points). */
  fillPitchPt: number;
  areaPt: number;
}

function geometry(s: PageSettings): Geometry {
  const single = Math.round(s.fontSize * 20 * (LINE_HEIGHT_UNITS / UNITS_PER_EM));
  // Word's w:line = 240 × spacing, "auto": LibreOffice's proportional spacing in whole percent.
  const percent = Math.round(Math.round(240 * s.lineSpacing) / 2.4);
  const pitch = Math.max(1, Math.floor((single * percent) / 100));
  const codeSingle = Math.round((CODE_SIZE * 20 * CODE_LINE_UNITS) / UNITS_PER_EM);
  const textHeight = A4_H - twMm(s.margins.top) - twMm(s.margins.bottom);
  const m = s.margins;
  return {
    key: `${s.fontSize}|${s.lineSpacing}|${m.top},${m.bottom},${m.left},${m.right}|${s.paraAfter}|${s.indent}`,
    twPerUnit: (s.fontSize * 20) / UNITS_PER_EM,
    textWidth: A4_W - twMm(m.left) - twMm(m.right),
    textHeight,
    indent: Math.round(s.indent * 10 * (1440 / 25.4)),
    single,
    pitch,
    after: Math.round(s.paraAfter * 20),
    codeSingle,
    codePitch: Math.max(1, Math.floor((codeSingle * percent) / 100)),
    fillPitchPt: s.fontSize * (LINE_HEIGHT_UNITS / UNITS_PER_EM) * s.lineSpacing,
    areaPt: textHeight / 20,
  };
}

// ─────────────────────────────────────────────────────────────────── font widths

const STYLE_NAMES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'bolditalic'];
const BOLD = 1;
const ITALIC = 2;
/** Code (pandoc's Verbatim Char): DejaVu Sans 11 pt. */
const MONO = 4;
/** Widths in font units by style code (0–3) and UTF-16 unit; −1 where the table has none. */
const WIDTH_TABLE: Int16Array[] = (() => {
  let max = 0;
  for (let i = 0; i < CHARS.length; i++) max = Math.max(max, CHARS.charCodeAt(i));
  return STYLE_NAMES.map((name) => {
    const t = new Int16Array(max + 1).fill(-1);
    const w = WIDTHS[name];
    for (let i = 0; i < CHARS.length; i++) t[CHARS.charCodeAt(i)] = w[i]!;
    return t;
  });
})();

const COMBINING = /\p{M}/u;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Inline and block code: pandoc's Verbatim Char names Consolas 11 pt, which LibreOffice replaces
 * with DejaVu Sans (line height 2384/2048 em). Its advance widths for U+0020–U+007E, in units of
 * 2048 per em, read from DejaVuSans.ttf (hmtx); a Vietnamese letter takes its base letter's width.
 */
const CODE_WIDTHS = [
  651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303, 1303,
  1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587,
  1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799,
  690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
  1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
];
const CODE_SPECIAL: Record<string, number> = { đ: 1300, Đ: 1587, ơ: 1253, ư: 1298, Ơ: 1870, Ư: 1757 };

function codeUnitsOf(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return CODE_WIDTHS[code - 0x20]!;
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  const ch = String.fromCharCode(code);
  const special = CODE_SPECIAL[ch];
  if (special) return special;
  if (COMBINING.test(ch)) return 0;
  const base = ch.normalize('NFD').charCodeAt(0);
  return base >= 0x20 && base <= 0x7e ? CODE_WIDTHS[base - 0x20]! : 1300;
}

/** Advance width in font units of one UTF-16 unit in a style (0 regular … 3 bold italic). */
function unitsOf(code: number, style: number): number {
  const table = WIDTH_TABLE[style & 3]!;
  const w = code < table.length ? table[code]! : -1;
  if (w >= 0) return w;
  const ch = String.fromCharCode(code);
  if (code >= 0xdc00 && code <= 0xdfff) return 0; // second half of a surrogate pair
  if (code >= 0xd800 && code <= 0xdbff) return UNITS_PER_EM; // emoji and the like: about 1 em
  if (COMBINING.test(ch) || code === 0x200b || code === 0x200c || code === 0x200d || code === 0xad || code === 0xfeff) return 0;
  // A letter the table lacks: its base letter's width (ǎ → a), else an average advance.
  const base = ch.normalize('NFD').charCodeAt(0);
  if (base !== code && base < table.length && table[base]! >= 0) return table[base]!;
  if (WIDE.test(ch)) return UNITS_PER_EM;
  return 1024;
}

// ─────────────────────────────────────────────────────────────────── inline text

/** A paragraph's visible text: one UTF-16 unit per entry, its style and its source offset. */
const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

class Runs {
  chars: string[] = [];
  styles: number[] = [];
  src: number[] = [];
  /** Appends text (NFC per cluster, whitespace collapsed as pandoc does); `at(i)` maps to source. */
  add(value: string, style: number, at: (i: number) => number): void {
    let i = 0;
    while (i < value.length) {
      const c = value[i]!;
      // GFM strikethrough: pandoc typesets `~~xoá~~` without its tildes (remark without GFM keeps them).
      if (c === '~' && value[i + 1] === '~' && value[i - 1] !== '~' && value[i + 2] !== '~' && !(isBlank(value[i - 1] ?? this.last() ?? ' ') && isBlank(value[i + 2] ?? ' '))) {
        i += 2;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
        if (this.chars.length && this.last() !== ' ' && this.last() !== '\n') this.push(' ', style, at(i));
        i++;
        continue;
      }
      // a cluster: a base and the combining marks after it, composed to NFC (no mark is below U+0300)
      let j = i + 1;
      if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff && j < value.length) j++;
      while (j < value.length && value.charCodeAt(j) >= 0x300 && COMBINING.test(value[j]!)) j++;
      const src = at(i);
      if (j - i === 1) this.push(c, style, src);
      else {
        const cluster = value.slice(i, j).normalize('NFC');
        for (let k = 0; k < cluster.length; k++) this.push(cluster[k]!, style, src);
      }
      i = j;
    }
  }
  /** A hard line break. */
  newline(at: number): void {
    if (this.last() === ' ') this.pop();
    this.push('\n', 0, at);
  }
  last(): string | undefined {
    return this.chars[this.chars.length - 1];
  }
  push(c: string, style: number, src: number): void {
    this.chars.push(c);
    this.styles.push(style);
    this.src.push(src);
  }
  pop(): void {
    this.chars.pop();
    this.styles.pop();
    this.src.pop();
  }
  trim(): this {
    while (this.last() === ' ' || this.last() === '\n') this.pop();
    return this;
  }
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  alt?: string | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const startOf = (n: MdNode) => n.position?.start.offset ?? 0;
const endOf = (n: MdNode) => n.position?.end.offset ?? 0;

/** Collects the visible text of phrasing content into `runs`; `src` is the chunk's text. */
function collectInline(nodes: readonly MdNode[], style: number, src: string, runs: Runs): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        runs.add(n.value ?? '', style, sourceMapper(src, startOf(n), endOf(n)));
        break;
      case 'emphasis':
        collectInline(n.children ?? [], style | ITALIC, src, runs);
        break;
      case 'strong':
        collectInline(n.children ?? [], style | BOLD, src, runs);
        break;
      case 'inlineCode': {
        const s = startOf(n);
        runs.add(n.value ?? '', MONO, (i) => Math.min(s + 1 + i, endOf(n)));
        break;
      }
      case 'break':
        runs.newline(startOf(n));
        break;
      case 'image':
        if (n.alt) runs.add(n.alt, style, () => startOf(n));
        break;
      case 'html':
        break; // raw HTML is not rendered in a DOCX
      default:
        if (n.children) collectInline(n.children, style, src, runs);
        else if (typeof n.value === 'string') runs.add(n.value, style, () => startOf(n));
    }
  }
}

/**
 * Maps an index into a text node's value to an offset in the source: one to one, re-synchronised
 * at each line break (continuation lines lose their indentation in the value).
 */
function sourceMapper(src: string, start: number, end: number): (i: number) => number {
  let lastI = 0;
  let lastPos = start;
  return (i) => {
    if (i < lastI) {
      lastI = 0;
      lastPos = start;
    }
    while (lastI < i) {
      const nl = src.charCodeAt(lastPos) === 10;
      lastPos++;
      if (nl) while (lastPos < end && (src[lastPos] === ' ' || src[lastPos] === '\t' || src[lastPos] === '>')) lastPos++;
      lastI++;
    }
    return Math.min(lastPos, end);
  };
}

// ─────────────────────────────────────────────────────────────────── line breaking

const isSpace = (c: string) => c === ' ' || (c >= '\u2000' && c <= '\u200b' && c !== '\u2007');
const LETTER = /\p{L}/u;
const CLOSING = /[\s,.;:!?)\]}”’»"'…\u2013\u2014-]/;

/**
 * May a line break fall between chars[j-1] and chars[j]? What LibreOffice's ICU line-break rules
 * allow, as measured in its output (not always UAX #14): after spaces; after "-", "–", "—", "…"
 * (digits after a hyphen included: "Covid-|19", "2019-|2024"); before "—"; after "?" and "!"
 * and before "%" inside a word. Never at "/" ("QĐ/TW", "15/12/2016"), ".", ",", ":" or ";".
 */
function canBreakBefore(chars: readonly string[], j: number): boolean {
  const prev = chars[j - 1]!;
  const cur = chars[j]!;
  if (isSpace(cur) || cur === '\n') return false;
  if (isSpace(prev) || prev === '\u00ad') return true;
  if (prev === '-' || prev === '\u2010' || prev === '\u2013' || prev === '\u2014' || prev === '\u2026') return !CLOSING.test(cur);
  if (cur === '\u2014') return !/[(\[{“‘«"'\u2014]/.test(prev);
  if (prev === '?' || prev === '!' || prev === '\\') return LETTER.test(cur);
  if (cur === '%') return LETTER.test(prev);
  return false;
}

/**
 * Greedy line breaking, as LibreOffice does it: each line takes every word whose end fits (trailing
 * spaces hang in the margin); a word longer than a line is cut where it overflows. `first` and `rest`
 * are the widths available (twips) for the first and the following lines. Returns the index of
 * the first character of each line.
 *
 * One quirk of LibreOffice is kept: when a "/" followed by a letter lies between the last break
 * opportunity inside a word and the character that overflows, the whole word goes to the next
 * line ("Quy định 101-QĐ/TW" is not broken after "101-" once "QĐ/T" is on the line).
 */
export function breakLines(chars: readonly string[], widths: readonly number[], first: number, rest: number): number[] {
  const starts: number[] = [];
  const n = chars.length;
  let i = 0;
  while (i < n) {
    starts.push(i);
    const avail = (starts.length === 1 ? first : rest) + 1e-6;
    let w = 0;
    let lastBreak = -1;
    let lastSpaceBreak = -1;
    let next = n;
    for (let j = i; j < n; j++) {
      const c = chars[j]!;
      if (c === '\n') {
        next = j + 1;
        break;
      }
      if (j > i && canBreakBefore(chars, j)) {
        lastBreak = j;
        if (isSpace(chars[j - 1]!)) lastSpaceBreak = j;
      }
      w += widths[j]!;
      if (w > avail && !isSpace(c)) {
        let at = lastBreak;
        if (at > i && at < j) {
          for (let k = at; k < j - 1; k++) {
            if (chars[k] === '/' && LETTER.test(chars[k + 1]!)) {
              at = lastSpaceBreak;
              break;
            }
          }
        }
        next = at > i ? at : Math.max(j, i + 1);
        break;
      }
    }
    i = next;
    // spaces left at a forced break (or after a hard break) start no line
    while (i < n && chars[i] === ' ') i++;
  }
  return starts;
}

/** Widths in twips of each character at the body size (code at 11 pt monospace). */
function widthsOf(runs: Runs, g: Geometry): number[] {
  const out = new Array<number>(runs.chars.length);
  const code = (CODE_SIZE * 20) / UNITS_PER_EM;
  for (let i = 0; i < runs.chars.length; i++) {
    const st = runs.styles[i]!;
    const c = runs.chars[i]!.charCodeAt(0);
    // LibreOffice positions glyphs on a grid of 1/6 twip (measured: this rounding, and no other,
    // reproduces where it breaks 363 test lines at 13 and 14 pt, regular and bold).
    out[i] = Math.round((st & MONO ? codeUnitsOf(c) * code : unitsOf(c, st) * g.twPerUnit) * 6) / 6;
  }
  return out;
}

// ─────────────────────────────────────────────────────────────────── units

const KEEP_NEXT = 1;
const KEEP_TOGETHER = 2;
const WIDOW = 4;
const ROW = 8;

/** What pagination sees of one paragraph or table row. Offsets and lines are relative to the chunk. */
interface Unit {
  /** Typeset lines (a table's header row: 1). */
  n: number;
  /** Distance between the tops of two lines (a header row: its height). */
  pitch: number;
  /** Height the last line on a page needs (a line's text height; a row: its height). */
  single: number;
  before: number;
  after: number;
  flags: number;
  /** Source offset and source line (chunk-relative) of the first character of each line. */
  at: number[];
  line: number[];
  /** For a table's body rows: the height of its header row, repeated on each new page. */
  header: number;
  /** A row: from its top to the top of its last line of text (where pagecount measures the fill). */
  tail?: number;
  /** The text of each line, kept only when laying out for `typeset` (tests, diagnostics). */
  texts?: string[];
}

interface ChunkLayout {
  units: Unit[];
  /** Line breaks in the chunk's text (the next chunk's first source line is this many further). */
  lineCount: number;
}

interface LayoutCtx {
  src: string;
  g: Geometry;
  lineStarts: number[];
  units: Unit[];
  /** Keep each line's text (see `typeset`). */
  texts: boolean;
}

function lineOf(ctx: LayoutCtx, offset: number): number {
  return lastAtOrBefore(ctx.lineStarts, offset);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

interface ParaBox {
  /** Available width of the first line and of the others (twips). */
  first: number;
  rest: number;
  flags: number;
  before?: number;
  after?: number;
  /** Line pitch and text height, when not the body's. */
  pitch?: number;
  single?: number;
}

function pushPara(ctx: LayoutCtx, runs: Runs, box: ParaBox, emptyAt?: number): void {
  runs.trim();
  const g = ctx.g;
  let at: number[];
  let texts: string[] | undefined;
  if (!runs.chars.length) {
    if (emptyAt === undefined) return; // pandoc writes no empty paragraph
    at = [emptyAt];
    texts = ctx.texts ? [''] : undefined;
  } else {
    const starts = breakLines(runs.chars, widthsOf(runs, g), Math.max(box.first, 1), Math.max(box.rest, 1));
    at = starts.map((i) => runs.src[i]!);
    if (ctx.texts) texts = starts.map((i, k) => runs.chars.slice(i, starts[k + 1] ?? runs.chars.length).join('').trimEnd());
  }
  ctx.units.push({
    texts,
    n: at.length,
    pitch: box.pitch ?? g.pitch,
    single: box.single ?? g.single,
    before: box.before ?? 0,
    after: box.after ?? g.after,
    flags: box.flags,
    at,
    line: at.map((o) => lineOf(ctx, o)),
    header: 0,
  });
}

interface BlockEnv {
  /** List nesting depth of the block (0 outside lists). */
  list: number;
  /** Inside a block quote. */
  quote: boolean;
}

const TOP: BlockEnv = { list: 0, quote: false };

function bodyBox(ctx: LayoutCtx, env: BlockEnv): ParaBox {
  const g = ctx.g;
  if (env.quote) {
    const w = g.textWidth - 2 * QUOTE_SIDE;
    return { first: w, rest: w, flags: WIDOW, before: QUOTE_SPACE, after: QUOTE_SPACE };
  }
  const left = env.list * g.indent;
  return { first: g.textWidth - left - g.indent, rest: g.textWidth - left, flags: WIDOW };
}

function layoutBlock(ctx: LayoutCtx, node: MdNode, env: BlockEnv): void {
  const g = ctx.g;
  switch (node.type) {
    case 'heading': {
      const depth = node.depth ?? 1;
      const style = depth <= 3 ? BOLD : depth === 4 ? BOLD | ITALIC : ITALIC;
      const runs = new Runs();
      collectInline(node.children ?? [], style, ctx.src, runs);
      // `#` is centred without indent; deeper headings are justified with the first-line indent.
      const first = depth === 1 ? g.textWidth : g.textWidth - g.indent;
      pushPara(ctx, runs, { first, rest: g.textWidth, flags: KEEP_NEXT | KEEP_TOGETHER | WIDOW }, startOf(node));
      return;
    }
    case 'paragraph': {
      if (layoutTable(ctx, node)) return;
      const runs = new Runs();
      collectInline(node.children ?? [], 0, ctx.src, runs);
      pushPara(ctx, runs, bodyBox(ctx, env));
      return;
    }
    case 'list': {
      const ordered = Boolean(node.ordered);
      let number = node.start ?? 1;
      for (const item of node.children ?? []) {
        layoutListItem(ctx, item, env, ordered ? `${number}${listDelimiter(ctx.src, item)}` : env.list % 2 ? '+' : '-');
        number++;
      }
      return;
    }
    case 'code': {
      // pandoc's Source Code style: one paragraph, a line break per source line, DejaVu Sans 11 pt
      const s = startOf(node);
      const value = node.value ?? '';
      const runs = new Runs();
      let pos = ctx.src.indexOf('\n', s) + 1 || s;
      value.split('\n').forEach((line, k) => {
        if (k) runs.newline(pos);
        for (let i = 0; i < line.length; i++) runs.push(line[i] === '\t' ? ' ' : line[i]!, MONO, pos + i);
        if (!line.length) runs.push('\u200b', MONO, pos);
        const nl = ctx.src.indexOf('\n', pos);
        pos = nl < 0 ? pos : nl + 1;
      });
      const box = bodyBox(ctx, env);
      pushPara(ctx, runs, { first: box.rest, rest: box.rest, flags: WIDOW, pitch: g.codePitch, single: g.codeSingle }, s);
      return;
    }
    case 'blockquote':
      for (const child of node.children ?? []) layoutBlock(ctx, child, { ...env, quote: true });
      return;
    case 'thematicBreak': {
      const runs = new Runs();
      pushPara(ctx, runs, bodyBox(ctx, env), startOf(node));
      return;
    }
    case 'html':
    case 'definition':
    case 'yaml':
      return;
    default: {
      // anything else with text: a body paragraph
      const runs = new Runs();
      collectInline(node.children ?? [], 0, ctx.src, runs);
      pushPara(ctx, runs, bodyBox(ctx, env));
    }
  }
}

function listDelimiter(src: string, item: MdNode): string {
  const m = /^\s*\d+([.)])/.exec(src.slice(startOf(item), startOf(item) + 12));
  return m ? m[1]! : '.';
}

/**
 * A list item, as pagecount's "admin" lists set it: the label ("-", "+" one level down, "1.") at
 * the first-line indent, one space, the text; wrapped lines go back to the item's left edge
 * (one indent per level of nesting). The item's other paragraphs are body paragraphs at that edge.
 */
function layoutListItem(ctx: LayoutCtx, item: MdNode, env: BlockEnv, label: string): void {
  const g = ctx.g;
  const children = item.children ?? [];
  const labelRuns = new Runs();
  labelRuns.add(label + ' ', 0, () => startOf(item));
  const labelWidth = widthsOf(labelRuns, g).reduce((a, b) => a + b, 0);
  const left = env.list * g.indent + (env.quote ? QUOTE_SIDE : 0);
  const right = env.quote ? QUOTE_SIDE : 0;
  const first = children[0];
  const inner: BlockEnv = { list: env.list + 1, quote: env.quote };
  if (!first || first.type !== 'paragraph') {
    // an empty item, or one that opens with another block: the label on a line of its own
    pushPara(ctx, new Runs(), { first: 1, rest: 1, flags: WIDOW }, startOf(item));
  } else {
    const runs = new Runs();
    collectInline(first.children ?? [], 0, ctx.src, runs);
    runs.trim();
    const avail = g.textWidth - left - right;
    if (!runs.chars.length) pushPara(ctx, runs, { first: avail, rest: avail, flags: WIDOW }, startOf(item));
    else pushPara(ctx, runs, { first: avail - g.indent - labelWidth, rest: avail, flags: WIDOW });
  }
  for (const child of first && first.type === 'paragraph' ? children.slice(1) : children) {
    if (child.type === 'list') layoutBlock(ctx, child, inner);
    else layoutBlock(ctx, child, { list: env.list + 1, quote: env.quote });
  }
}

// ─────────────────────────────────────────────────────────────────── tables (GFM pipe tables)

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cur);
      cur = '';
    } else cur += s[i];
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

const inlineProcessor = unified().use(remarkParse);

/**
 * A paragraph that is a GFM pipe table (remark without GFM reads one as a paragraph): the header
 * row a unit kept whole, each body row a unit of its lines, cells in pandoc's Compact style (single spacing, no space after) in columns
 * across the text width, less 5.4 pt of padding each side; the header row repeats on each page.
 */
function layoutTable(ctx: LayoutCtx, node: MdNode): boolean {
  const start = startOf(node);
  const raw = ctx.src.slice(start, endOf(node));
  if (!raw.includes('|')) return false;
  const lines: Array<{ text: string; at: number }> = [];
  let pos = 0;
  for (const l of raw.split('\n')) {
    lines.push({ text: l.replace(/\r$/, ''), at: start + pos });
    pos += l.length + 1;
  }
  const d = lines.findIndex((l, k) => k > 0 && DELIMITER_ROW.test(l.text) && l.text.includes('-'));
  if (d < 1) return false;
  const columns = splitRow(lines[d]!.text).length;
  if (splitRow(lines[d - 1]!.text).length !== columns) return false;
  const g = ctx.g;
  // Rows typed right under a paragraph's text: pandoc's GFM reader lets no table interrupt a
  // paragraph, so they are printed as that paragraph's text.
  if (d > 1) return false;
  // pandoc's GFM reader gives pipe tables no column widths: equal columns across the text width.
  const tableLines = lines.slice(d - 1);
  const cellWidth = Math.floor(g.textWidth / columns) - 2 * CELL_PAD;
  let header = 0;
  for (const [k, l] of tableLines.entries()) {
    if (k === 1) continue; // the delimiter row
    const cells = splitRow(l.text);
    let rowLines = 1;
    for (let c = 0; c < columns; c++) {
      const text = cells[c] ?? '';
      if (!text) continue;
      const runs = new Runs();
      const tree = inlineProcessor.parse(text) as unknown as MdNode;
      const para = tree.children?.[0];
      if (para?.children) collectInline(para.children, 0, text, runs);
      else runs.add(text, 0, () => 0);
      runs.trim();
      if (!runs.chars.length) continue;
      const w = Math.max(cellWidth, 1);
      rowLines = Math.max(rowLines, breakLines(runs.chars, widthsOf(runs, g), w, w).length);
    }
    if (k === 0) {
      // The header row: whole, with the rule under it; it is repeated on each page the table goes on to.
      header = rowLines * g.single + HEADER_RULE;
      ctx.units.push({ n: 1, pitch: header, single: header, before: 0, after: 0, flags: ROW | KEEP_TOGETHER, at: [l.at], line: [lineOf(ctx, l.at)], header: 0, tail: (rowLines - 1) * g.single, texts: ctx.texts ? [l.text.trim()] : undefined });
      continue;
    }
    // A body row: its lines, which LibreOffice splits across pages like a paragraph's (pandoc
    // writes no "can't split"), the rest going on under the repeated header row.
    const at = l.at;
    const line = lineOf(ctx, at);
    ctx.units.push({
      n: rowLines,
      pitch: g.single,
      single: g.single,
      before: 0,
      after: 0,
      flags: ROW | WIDOW,
      at: Array<number>(rowLines).fill(at),
      line: Array<number>(rowLines).fill(line),
      header,
      texts: ctx.texts ? [l.text.trim(), ...Array<string>(rowLines - 1).fill('')] : undefined,
    });
  }
  // the paragraph after a table: a table adds no spacing of its own
  return true;
}

// ─────────────────────────────────────────────────────────────────── chunks and cache

/**
 * `first`: the chunk at the start of the text, which may open with front matter; `parsed`: its tree
 * from the parse, else it is parsed here with definitions of `labels` (see `Definitions`).
 */
function layoutChunk(text: string, first: boolean, g: Geometry, texts = false, parsed?: unknown, labels: readonly string[] = []): ChunkLayout {
  const ctx: LayoutCtx = { src: text, g, lineStarts: lineStartsOf(text), units: [], texts };
  try {
    // Parsed here, inside the `try`: a pathological chunk gets the fallback below, not an exception.
    const tree = (parsed ?? chunkTree(text, first, labels) ?? chunkTree(text, first)) as MdNode;
    for (const node of tree.children ?? []) layoutBlock(ctx, node, TOP);
  } catch {
    // Pathological input (nesting deep enough to exhaust the stack): each non-blank source line
    // as a paragraph of its own, so that any text yields an estimate and never an exception.
    ctx.units = [];
    for (let k = 0; k < ctx.lineStarts.length; k++) {
      const from = ctx.lineStarts[k]!;
      const to = ctx.lineStarts[k + 1] ?? text.length;
      const runs = new Runs();
      runs.add(text.slice(from, to), 0, (i) => from + i);
      pushPara(ctx, runs, bodyBox(ctx, TOP));
    }
  }
  return { units: ctx.units, lineCount: ctx.lineStarts.length - 1 };
}

/**
 * Per-document cache: each chunk's layout keyed by its text, for one set of settings. A keystroke
 * lays out again only the chunk it touched; pagination is one linear pass over cached units.
 */
export class LayoutCache {
  #frontText?: string;
  #front: ParsedMarkdown['frontMatter'];
  #key = '';
  #chunks = new Map<string, ChunkLayout>();
  /** Chunks laid out (not found in the cache) by the last estimate: for tests and benchmarks. */
  misses = 0;
  /** @internal A chunk's layout by its key (see `keyOf`) for the settings `settingsKey`; `make` lays it out. */
  lookup(settingsKey: string, key: string, make: () => ChunkLayout): ChunkLayout {
    if (settingsKey !== this.#key) {
      this.#key = settingsKey;
      this.#chunks.clear();
    }
    let layout = this.#chunks.get(key);
    if (!layout) {
      layout = make();
      this.misses++;
    }
    return layout;
  }
  /** @internal The parsed front matter block, re-parsed only when its text changes. */
  frontMatter(block: string): ParsedMarkdown['frontMatter'] {
    if (block !== this.#frontText) {
      this.#frontText = block;
      this.#front = parseMarkdown(block).frontMatter;
    }
    return this.#front;
  }
  /** @internal */
  keep(used: Map<string, ChunkLayout>): void {
    this.#chunks = used;
  }
}

// ─────────────────────────────────────────────────────────────────── pagination

interface Placed {
  unit: Unit;
  /** Offset and source line of the unit's chunk. */
  base: number;
  baseLine: number;
}

/**
 * The units of the document being paginated, in one array reused from call to call: a keystroke
 * at 300 pages would otherwise allocate ten thousand of these. Pagination is synchronous.
 */
const placedPool: Placed[] = [];

function place(i: number, unit: Unit, base: number, baseLine: number): void {
  const p = placedPool[i];
  if (p) {
    p.unit = unit;
    p.base = base;
    p.baseLine = baseLine;
  } else placedPool.push({ unit, base, baseLine });
}

/** One typeset line as `typeset` reports it. */
export interface TypesetLine {
  /** 1-based page. */
  page: number;
  /** Top of the line below the top margin, in points. */
  top: number;
  text: string;
  /** 0-based source line of the line's first character. */
  line: number;
}

/**
 * Where pagination stands before a chunk — all it needs to go on from there — as `STRIDE` numbers
 * in a `Float64Array` (one entry per chunk and one after the last): a keystroke in a long report
 * resumes near the edit and stops where the pages fall as before (see `PageMemo`).
 */
const AT_Y = 0; // top of the next line on the page (twips)
const AT_AFTER = 1; // the space after the last paragraph on the page (already in it)
const AT_TOP = 2; // top of the last line set, −1 before any
const AT_FILLED = 3; // something is on the current page (0/1)
const AT_PAGES = 4;
const AT_LINES = 5; // typeset lines so far
const AT_BREAKS = 6; // page breaks so far
const AT_LINE = 7; // the chunk's first source line
const AT_OFFSET = 8; // the chunk's offset
const AT_KEEPS = 9; // the last unit set keeps with the next (1): a heading before the chunk looked into it
const STRIDE = 10;

/** @internal For tests: how the last pagination went (chunks set, whether it resumed an earlier one). */
export const lastPagination = { chunks: 0, resumed: false };

/** Resuming an earlier pagination of the same document after an edit (see `estimatePagesOf`). */
interface Resume {
  /** The chunk to start at: the units before it are as before and nothing before it looked past it. */
  from: number;
  /** The state before `from`. */
  start: Float64Array;
  /** The states of the last pagination, its chunks from `shiftedFrom` on moved to their new index (offsets and lines not yet). */
  states: Float64Array;
  /** From this chunk on the chunks are the last pagination's, shifted: where the state is as then, so is the rest. */
  shiftedFrom: number;
  breaks: readonly number[];
  breakOffsets: readonly number[];
}

/**
 * Places the units of `count` chunks (at `offsetOf`, laid out by `layoutOf`) on pages; with
 * `resume`, from its chunk on, stopping early where the state before a shifted chunk is the last
 * pagination's. `states` (grown when short) receives the state before each chunk and after the last.
 */
function paginateChunks(count: number, offsetOf: (c: number) => number, layoutOf: (c: number) => ChunkLayout, g: Geometry, settings: PageSettings, states: Float64Array, trace?: TypesetLine[], resume?: Resume): { estimate: PageEstimate; states: Float64Array } {
  if (states.length < (count + 1) * STRIDE) states = new Float64Array(Math.ceil((count + 1) * 1.5) * STRIDE);
  const H = g.textHeight;
  const from = resume?.from ?? 0;
  const at0 = resume?.start;
  let y = at0 ? at0[AT_Y]! : 0;
  let pages = at0 ? at0[AT_PAGES]! : 1;
  let filled = at0 ? at0[AT_FILLED] === 1 : false;
  let prevAfter = at0 ? at0[AT_AFTER]! : 0;
  let lastTop = at0 ? at0[AT_TOP]! : -1;
  let lines = at0 ? at0[AT_LINES]! : 0;
  let keeps = at0 ? at0[AT_KEEPS]! : 0;
  const breaks = resume ? resume.breaks.slice(0, at0![AT_BREAKS]) : [];
  const breakOffsets = resume ? resume.breakOffsets.slice(0, at0![AT_BREAKS]) : [];

  // Units are placed chunk by chunk as pagination reaches them, or as a heading looks ahead.
  let loaded = 0;
  let nextChunk = from;
  let nextLine = at0 ? at0[AT_LINE]! : 0;
  /** Per chunk from `from`: its first unit, its first source line and offset. */
  const firstUnit: number[] = [];
  const lineOf: number[] = [];
  const offsetAt: number[] = [];
  const load = () => {
    const l = layoutOf(nextChunk);
    const base = offsetOf(nextChunk);
    firstUnit.push(loaded);
    lineOf.push(nextLine);
    offsetAt.push(base);
    for (const unit of l.units) place(loaded++, unit, base, nextLine);
    nextLine += l.lineCount;
    nextChunk++;
  };
  /** Is there a unit `j` (loading chunks up to it)? */
  const has = (j: number) => {
    while (j >= loaded && nextChunk < count) load();
    return j < loaded;
  };
  const items = placedPool;

  const newPage = (p: Placed, line: number) => {
    pages++;
    // a table's header row is repeated at the top of the page its body continues on
    y = p.unit.flags & ROW ? p.unit.header : 0;
    filled = false;
    prevAfter = 0;
    breakOffsets.push(p.base + p.unit.at[line]!);
    breaks.push(p.baseLine + p.unit.line[line]!);
  };
  const set = (p: Placed, from: number, count: number, last: boolean) => {
    const u = p.unit;
    if (trace) {
      for (let k = 0; k < count; k++) {
        // A body row is traced once, at its first line (its text is the row's, not a line's).
        if (u.flags & ROW && from + k > 0) continue;
        trace.push({ page: pages, top: (y + k * u.pitch) / 20, text: u.texts?.[from + k] ?? '', line: p.baseLine + u.line[from + k]! });
      }
    }
    lastTop = y + (count - 1) * u.pitch + (u.tail ?? 0);
    lines += count;
    if (last) {
      y += count * u.pitch + u.after;
      prevAfter = u.after;
      filled = true;
    }
  };
  /** Lines of `u` that fit from `top`: each needs its text height below its top, not the leading. */
  const capacity = (u: Unit, top: number) => (top + u.single > H ? 0 : 1 + Math.floor((H - u.single - top) / u.pitch));
  /** The least of `u` that must go on a page with what keeps with it. */
  const minimum = (u: Unit) => (u.flags & KEEP_TOGETHER ? u.n : u.flags & WIDOW ? (u.n <= 3 ? u.n : 2) : 1);
  /** Space before `u` beyond the space after the paragraph above (the larger of the two counts). */
  const gap = (u: Unit, after: number) => Math.max(0, u.before - after);

  /** Does the run of keep-with-next units from `i` fit with the start of what follows, from `top`? */
  const chainFits = (i: number, top: number, after: number): boolean => {
    let yy = top;
    let j = i;
    for (; has(j) && items[j]!.unit.flags & KEEP_NEXT; j++) {
      const u = items[j]!.unit;
      if (j > i || top > 0) yy += gap(u, after);
      if (yy + (u.n - 1) * u.pitch + u.single > H) return false;
      yy += u.n * u.pitch + u.after;
      after = u.after;
    }
    if (!has(j)) return true;
    const f = items[j]!.unit;
    yy += gap(f, after);
    return yy + (minimum(f) - 1) * f.pitch + f.single <= H;
  };

  const setUnit = (i: number) => {
    const p = items[i]!;
    const u = p.unit;
    // a heading goes to the next page when what it keeps with does not fit here (and would there)
    if (u.flags & KEEP_NEXT && filled && !chainFits(i, y, prevAfter) && chainFits(i, 0, 0)) newPage(p, 0);
    let s = 0;
    for (;;) {
      if (filled) y += gap(u, prevAfter);
      const rest = u.n - s;
      const k = capacity(u, y);
      if (rest <= k) {
        set(p, s, rest, true);
        break;
      }
      let m = k;
      if (u.flags & KEEP_TOGETHER) m = 0;
      else if (u.flags & WIDOW) {
        if (rest - m < 2) m = rest - 2; // widow: at least 2 lines to the next page
        if (s === 0 && m < 2) m = 0; // orphan: at least 2 lines on this one
      }
      if (m <= 0) {
        if (filled) {
          newPage(p, s);
          continue;
        }
        m = Math.max(1, Math.min(k, rest)); // alone on a page: the rules give way
        if (m >= rest) {
          set(p, s, rest, true);
          break;
        }
      }
      set(p, s, m, false);
      s += m;
      newPage(p, s);
    }
    keeps = u.flags & KEEP_NEXT ? 1 : 0;
  };

  let c = from;
  for (; ; c++) {
    if (c < count && c - from >= firstUnit.length) load();
    const line = c < count ? lineOf[c - from]! : nextLine;
    const offset = c < count ? offsetAt[c - from]! : 0;
    const at = c * STRIDE;
    if (resume && c >= resume.shiftedFrom && states[at + AT_Y] === y && states[at + AT_AFTER] === prevAfter && states[at + AT_TOP] === lastTop && states[at + AT_FILLED] === +filled && states[at + AT_KEEPS] === keeps) {
      // As before this chunk, so the rest is as it was: its pages, lines and breaks only move.
      const dPages = pages - states[at + AT_PAGES]!;
      const dLines = lines - states[at + AT_LINES]!;
      const dLine = line - states[at + AT_LINE]!;
      const dOffset = c < count ? offset - states[at + AT_OFFSET]! : 0;
      const oldBreaks = states[at + AT_BREAKS]!;
      const dBreaks = breaks.length - oldBreaks;
      for (let k = oldBreaks; k < resume.breaks.length; k++) {
        breaks.push(resume.breaks[k]! + dLine);
        breakOffsets.push(resume.breakOffsets[k]! + dOffset);
      }
      for (let e = at; e <= count * STRIDE; e += STRIDE) {
        states[e + AT_PAGES] += dPages;
        states[e + AT_LINES] += dLines;
        states[e + AT_BREAKS] += dBreaks;
        states[e + AT_LINE] += dLine;
        states[e + AT_OFFSET] += dOffset;
      }
      const end = count * STRIDE;
      pages = states[end + AT_PAGES]!;
      lines = states[end + AT_LINES]!;
      lastTop = states[end + AT_TOP]!;
      break;
    }
    states[at + AT_Y] = y;
    states[at + AT_AFTER] = prevAfter;
    states[at + AT_TOP] = lastTop;
    states[at + AT_FILLED] = +filled;
    states[at + AT_PAGES] = pages;
    states[at + AT_LINES] = lines;
    states[at + AT_BREAKS] = breaks.length;
    states[at + AT_LINE] = line;
    states[at + AT_OFFSET] = offset;
    states[at + AT_KEEPS] = keeps;
    if (c === count) break;
    // Its units end where the next chunk's begin, or (that one not loaded yet) at the last loaded.
    for (let i = firstUnit[c - from]!, end = firstUnit[c - from + 1] ?? loaded; i < end; i++) setUnit(i);
  }
  lastPagination.chunks = c - from;
  lastPagination.resumed = Boolean(resume);
  const fill = lastTop < 0 ? 0 : Math.min(1, (lastTop / 20 + g.fillPitchPt) / g.areaPt);
  return {
    estimate: { pages, decimal: Math.round((pages - 1 + fill) * 100) / 100, breaks, breakOffsets, lines, settings },
    states,
  };
}

// ─────────────────────────────────────────────────────────────────── entry points

/**
 * Estimates the pages of a Markdown report. Settings: the defaults, then the report's front
 * matter (see `readPageSettings`), then `settings` (explicit settings win, as a command-line
 * flag should). With a per-document `cache`, a keystroke lays out again only the chunk it changed.
 */
export function estimatePages(text: string, settings?: Partial<PageSettings>, cache?: LayoutCache): PageEstimate {
  const own = readPageSettings(frontMatterOf(text, cache)?.entries);
  return layout(text, chunkStarts(text), resolvePageSettings(own, settings), cache);
}

/**
 * The same for a document already parsed (its front matter read from `doc`): no second parse,
 * and each chunk's layout is kept on the chunk's parse (for one set of settings at a time), so
 * that a keystroke lays out again only the chunks the parse had to redo.
 */
export function estimatePagesOf(doc: ParsedMarkdown, settings?: Partial<PageSettings>, cache?: ParseCache): PageEstimate {
  const resolved = resolvePageSettings(readPageSettings(doc.frontMatter?.entries), settings);
  if (!doc.chunks.length) return layout(flat(doc.text), chunkStarts(flat(doc.text)), resolved);
  const g = geometry(resolved);
  const { chunks, text } = doc;
  const memo = cache?.pageMemo as PageMemo | undefined;
  if (cache) cache.pageMemo = undefined; // its states are rewritten in place: gone if this throws
  const resume = memo && resumeFrom(memo, doc, g.key);
  const run = paginateChunks(chunks.length, (c) => chunks[c]!.offset, (c) => {
    const memo = (chunks[c]!.summary.memo ??= []);
    let kept = memo[LAYOUT] as { key: string; layout: ChunkLayout } | undefined;
    if (!kept || kept.key !== g.key) {
      const chunk = text.slice(chunks[c]!.offset, chunks[c]!.end);
      const first = chunks[c]!.offset === 0;
      kept = { key: g.key, layout: layoutChunk(chunk, first, g, false, chunks[c]!.tree, referencedIn(chunk, doc.definitions)) };
      memo[LAYOUT] = kept;
    }
    return kept.layout;
  }, g, resolved, resume?.states ?? memo?.states ?? new Float64Array(0), undefined, resume);
  if (cache) cache.pageMemo = { generation: cache.generation, key: g.key, count: chunks.length, states: run.states, breaks: run.estimate.breaks, breakOffsets: run.estimate.breakOffsets } satisfies PageMemo;
  return run.estimate;
}

/** The last pagination of a document (kept on its `ParseCache`), for the next check to resume. */
interface PageMemo {
  /** The parse it paginated (see `ParseCache.generation`), its layout key and chunk count. */
  generation: number;
  key: string;
  count: number;
  states: Float64Array;
  breaks: readonly number[];
  breakOffsets: readonly number[];
}

/**
 * Where a pagination of `doc` can resume the last one: when `doc` re-used that parse's chunks
 * (see `ChunkReuse`) laid out the same. It starts at the first chunk not kept — earlier if a heading
 * before it kept with what follows — and the states of the shifted chunks move to their new index.
 */
function resumeFrom(memo: PageMemo, doc: ParsedMarkdown, key: string): Resume | undefined {
  const reuse = doc.reuse;
  if (!reuse || reuse.generation !== memo.generation || memo.key !== key || memo.count !== reuse.oldCount) return undefined;
  let from = reuse.kept;
  while (from > 0 && memo.states[from * STRIDE + AT_KEEPS]) from--;
  const start = memo.states.slice(from * STRIDE, (from + 1) * STRIDE);
  let states = memo.states;
  if (states.length < (doc.chunks.length + 1) * STRIDE) {
    states = new Float64Array(Math.ceil((doc.chunks.length + 1) * 1.5) * STRIDE);
    states.set(memo.states.subarray(0, (memo.count + 1) * STRIDE));
  }
  states.copyWithin(reuse.shiftedFrom * STRIDE, reuse.oldShiftedFrom * STRIDE, (memo.count + 1) * STRIDE);
  return { from, start, states, shiftedFrom: reuse.shiftedFrom, breaks: memo.breaks, breakOffsets: memo.breakOffsets };
}

/** The slot of a chunk's layout in its parse's memo. */
const LAYOUT = memoSlot('pages:layout');

/**
 * @internal For tests: the same estimate with the text laid out as one chunk, the reference the
 * chunked layout must agree with.
 */
export function estimatePagesWhole(text: string, settings?: Partial<PageSettings>): PageEstimate {
  const own = readPageSettings(frontMatterOf(text)?.entries);
  return layout(text, [0], resolvePageSettings(own, settings));
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Parses only the front matter block (cheap, and memoised in the cache). */
function frontMatterOf(text: string, cache?: LayoutCache): ParsedMarkdown['frontMatter'] {
  const m = FRONT_MATTER.exec(text.slice(0, 64 * 1024));
  if (!m) return undefined;
  return cache ? cache.frontMatter(m[0]) : parseMarkdown(m[0]).frontMatter;
}

/**
 * The estimate with every typeset line (its text, page and position): for tests and for
 * comparing with the typesetter line by line. Uncached.
 */
export function typeset(text: string, settings?: Partial<PageSettings>): { estimate: PageEstimate; lines: TypesetLine[] } {
  const lines: TypesetLine[] = [];
  const own = readPageSettings(frontMatterOf(text)?.entries);
  const estimate = layout(text, chunkStarts(text), resolvePageSettings(own, settings), undefined, lines);
  return { estimate, lines };
}

/** The states of a pagination that keeps none (see `layout`), reused from call to call. */
let scratchStates: Float64Array = new Float64Array(0);

function layout(text: string, starts: readonly number[], settings: PageSettings, cache?: LayoutCache, trace?: TypesetLine[]): PageEstimate {
  const g = geometry(settings);
  const used = new Map<string, ChunkLayout>();
  if (cache) cache.misses = 0;
  // `[x]` is a link anywhere in a text that defines `[x]: url` anywhere (see `Definitions`).
  const definitions = definitionsIn(text, starts);
  const { estimate, states } = paginateChunks(starts.length, (c) => starts[c]!, (c) => {
    const chunk = text.slice(starts[c]!, starts[c + 1] ?? text.length);
    const labels = referencedIn(chunk, definitions);
    const key = keyOf(chunk, labels, c === 0);
    let chunkLayout = used.get(key);
    if (!chunkLayout) {
      const make = () => layoutChunk(chunk, c === 0, g, Boolean(trace), undefined, labels);
      chunkLayout = cache ? cache.lookup(g.key, key, make) : make();
      used.set(key, chunkLayout);
    }
    return chunkLayout;
  }, g, settings, scratchStates, trace);
  scratchStates = states;
  cache?.keep(used);
  return estimate;
}
