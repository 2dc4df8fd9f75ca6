import { flat, type DocText } from './text';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parseDocument } from 'yaml';
import { parseNumbering, type Numbering } from './numbering';
import { isOptionalTitle, titleKeys, type TitleKeys } from './normalize';
import type { TextChange } from './structure';
import { endsParagraph, isStrongTitle, opensParagraph, withoutMarks, type ParagraphLines } from './joins';

/** A heading of a report or template, with offsets into the original text. */
export interface Heading {
  /** Markdown depth: 1 for `#` … 6 (for an unmarked heading, the depth its numbering implies). */
  depth: number;
  /** Offsets of the whole heading (marker to end of line, or to the setext underline). */
  offset: number;
  end: number;
  /** Offsets of the heading's text content (after `## `), empty range at `end` when it has none. */
  textOffset: number;
  textEnd: number;
  /** Plain text of the heading, emphasis markers removed. */
  text: string;
  numbering?: Numbering;
  keys: TitleKeys;
  setext: boolean;
  /** False for a title typed as a plain paragraph (`heading-not-marked`). */
  marked: boolean;
  /**
   * A run-in title: the outline's title as the label of its paragraph (`1. Mục đích: Tạo đợt …`),
   * the heading being the label alone. The section is there; the line is no heading to mark.
   */
  runIn?: boolean;
  /** The title says "(nếu có)": computed once with the chunk, not on every check. */
  optional: boolean;
}

/** A top-level block other than a heading (paragraph, list, table, code …). */
export interface Block {
  type: string;
  offset: number;
  end: number;
}

/**
 * A line of a paragraph or list that opens with a section number: maybe a title typed without
 * `#` (text pasted from Word). Whether it reads as a title is decided later, with the template.
 */
export interface NumberedLine {
  offset: number;
  /** End of the line's text (before the line break). */
  end: number;
  /** Offset where the visible text starts (after indentation and emphasis markers). */
  textOffset: number;
  /** Plain text, emphasis markers removed. */
  text: string;
  numbering: Numbering;
  /** The whole line is bold or italic (`**1. Công tác tuyên truyền**`). */
  emphasised: boolean;
  /** The line begins a paragraph or list item, or follows a line that ended a sentence. */
  opensBlock: boolean;
  /** Words after the line inside the same paragraph (prose running on makes it no title). */
  runsOn: boolean;
}

export interface FrontMatterEntry {
  key: string;
  value: unknown;
  /** Offsets of the value (or of the key when the value is empty). */
  offset: number;
  end: number;
}

export interface FrontMatter {
  offset: number;
  end: number;
  entries: Map<string, FrontMatterEntry>;
  /** YAML errors with offsets into the original text. */
  errors: Array<{ offset: number; end: number; message: string }>;
}

export interface ParsedMarkdown {
  text: DocText;
  frontMatter?: FrontMatter;
  headings: Heading[];
  numberedLines: NumberedLine[];
  /** The chunks the text was parsed in (see `chunkStarts`), for per-chunk caches of checks. */
  chunks: ParsedChunk[];
  /** The link reference definitions the chunks were parsed with (none: undefined). */
  definitions?: Definitions;
  /** How the parse re-used the chunks of the one before (see `reparse`); absent when it did not. */
  reuse?: ChunkReuse;
  /** What checks found chunk by chunk on this parse, by key (see `perChunk`): the next parse's `reuse.found`. */
  found?: Map<string, unknown>;
}

/**
 * The chunks a parse kept from the one before: its first `kept` are those, and from `shiftedFrom`
 * on they are those from `oldShiftedFrom` on, moved by the edit (the same summaries).
 */
export interface ChunkReuse {
  /** The earlier parse (see `ParseCache.generation`) and how many chunks it had. */
  generation: number;
  oldCount: number;
  kept: number;
  shiftedFrom: number;
  oldShiftedFrom: number;
  /** What checks found chunk by chunk on the earlier parse (its `found`). */
  found?: Map<string, unknown>;
}

/**
 * The link reference definitions of a document. `[x]` is a link anywhere in a document that
 * defines `[x]: url` anywhere, so a chunk that may refer to a label defined elsewhere (its brackets
 * hold it, see `referencedIn`) is parsed with a definition of it — then dropped — and gives what
 * it gives in the whole text. The definitions go before a chunk, which starts where the blocks
 * before it are closed; after the first chunk, which may open with front matter. (A block left
 * open at its end takes them in, but then it runs to the end of the text: it holds every
 * definition itself and is parsed alone.)
 */
export interface Definitions {
  /** The labels, sorted and joined: whether an edit changed them. */
  key: string;
  /** The labels as mdast gives them (`identifier`: normalised as micromark matches them). */
  labels: ReadonlySet<string>;
}

/** What one chunk of the document parses to, with offsets relative to the chunk's start. */
export interface ChunkSummary {
  frontMatter?: FrontMatter;
  headings: Heading[];
  blocks: Block[];
  /** Ranges of prose (text nodes, indented code): where blanks are looked for; fenced and inline code, HTML and URLs are not prose. */
  prose: Array<[number, number]>;
  numberedLines: NumberedLine[];
  /** Paragraphs of more than one line (soft line breaks; see `joins.ts`): absent when none. */
  paragraphs?: ParagraphLines[];
  /** Labels of the link reference definitions in the chunk (normalised): absent when none. */
  defines?: string[];
  /**
   * Results of checks (and the layout) that depend on this chunk's text only, at the slot
   * `memoSlot` gives their key (the check and its options): an array index, as a 300-page report
   * has thousands of chunks to look up on every keystroke.
   */
  memo?: unknown[];
}

const MEMO_SLOTS = new Map<string, number>();

/** The index in `ChunkSummary.memo` of what is kept under `key`. */
export function memoSlot(key: string): number {
  let slot = MEMO_SLOTS.get(key);
  if (slot === undefined) MEMO_SLOTS.set(key, (slot = MEMO_SLOTS.size));
  return slot;
}

/** One chunk of a parsed document: its offsets and what it parsed to (offsets relative to it). */
export interface ParsedChunk {
  offset: number;
  end: number;
  summary: ChunkSummary;
  /** The mdast tree of a chunk parsed just now, for the page layout; dropped after the check. */
  tree?: unknown;
}

/**
 * The last parse of one document, so that the next parse after an edit re-uses every chunk the
 * edit did not touch — by position: the chunks before the edit as they are, those after it
 * shifted, without reading their text again. Where the edit is comes from `edited` when the owner
 * tells every edit (the server does, from `didChange`), or else from comparing the two texts.
 */
export class ParseCache {
  #last?: ParsedMarkdown;
  /** The last text was parsed whole: a chunk's blocks took in the definitions parsed with it (a safety net: see `chunkTree`). */
  #lastWhole = false;
  readonly #told: boolean;
  /** Length of the text now, and how much of its start and end the last parsed text shares. */
  #length = -1;
  #prefix = 0;
  #suffix = 0;
  /** Chunks parsed (not re-used) by the last `parseMarkdown` call: for tests and benchmarks. */
  misses = 0;
  /** @internal What changed from the text parsed before the last one (none on the first parse). */
  lastChange?: TextChange;
  /** @internal Counts the parses: which parse a memo was made from, without keeping its text alive. */
  generation = 0;
  /** @internal Results of the last check that the next one may move instead of finding again (see `check`). */
  checkMemo?: unknown;
  /** @internal The last pagination, for the next to resume (see `estimatePagesOf`). */
  pageMemo?: unknown;
  /** The checks whose findings the last check moved from the one before (see `structure.ts`): for tests and benchmarks. */
  movedChecks: readonly string[] = [];

  /** `tellsEdits`: the owner calls `edited` for every change of the text; no comparing needed. */
  constructor(options: { tellsEdits?: boolean } = {}) {
    this.#told = Boolean(options.tellsEdits);
  }

  /** One edit since the last parse: `removed` code units at `offset` replaced by `inserted` ones (offsets in the text as it was just before this edit). */
  edited(offset: number, removed: number, inserted: number): void {
    if (this.#length < 0) return;
    this.#prefix = Math.max(0, Math.min(this.#prefix, offset));
    this.#suffix = Math.max(0, Math.min(this.#suffix, this.#length - offset - removed));
    this.#length += inserted - removed;
  }

  /** @internal The last parse and how much of `text`'s start and end it shares. */
  against(text: DocText): { last: ParsedMarkdown; whole: boolean; prefix: number; suffix: number } | undefined {
    const last = this.#last;
    if (!last) return undefined;
    const old = last.text;
    const room = Math.min(old.length, text.length);
    if (this.#told && this.#length === text.length) {
      const prefix = Math.min(this.#prefix, room);
      return { last, whole: this.#lastWhole, prefix, suffix: Math.min(this.#suffix, room - prefix) };
    }
    if (old === text) return { last, whole: this.#lastWhole, prefix: room, suffix: 0 };
    let prefix = 0;
    while (prefix < room && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < room - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    return { last, whole: this.#lastWhole, prefix, suffix };
  }

  /** @internal `prior`: what `against` said of this text, when there was a last parse. */
  remember(parsed: ParsedMarkdown, whole: boolean, misses: number, prior?: { last: ParsedMarkdown; prefix: number; suffix: number }): void {
    this.lastChange = prior && { fromGeneration: this.generation, from: prior.prefix, oldEnd: prior.last.text.length - prior.suffix, delta: parsed.text.length - prior.last.text.length };
    this.generation++;
    this.#last = parsed;
    this.#lastWhole = whole;
    this.#length = this.#prefix = this.#suffix = parsed.text.length;
    this.misses = misses;
  }
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean;
  start?: number | null;
  spread?: boolean;
  checked?: boolean | null;
  children?: MdNode[];
  identifier?: string;
  position?: { start: { line?: number; column?: number; offset?: number }; end: { line?: number; column?: number; offset?: number } };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
/** For the chunks after the first: `---` lines there are rules or setext underlines, never front matter. */
const bodyProcessor = unified().use(remarkParse);

function plainText(node: MdNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'break') return ' ';
  return (node.children ?? []).map(plainText).join('');
}

function startOf(node: MdNode): number {
  return node.position?.start.offset ?? 0;
}
function endOf(node: MdNode): number {
  return node.position?.end.offset ?? 0;
}

function readFrontMatter(node: MdNode, text: string): FrontMatter {
  const offset = startOf(node);
  const end = endOf(node);
  const yamlText = node.value ?? '';
  // The YAML body begins on the line after the opening `---`; remark gives its value without it.
  const nl = text.indexOf('\n', offset);
  const firstBreak = nl < 0 ? offset : nl + 1;
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  const entries = new Map<string, FrontMatterEntry>();
  const errors: FrontMatter['errors'] = doc.errors.map((e) => ({
    offset: firstBreak + Math.min(e.pos[0], yamlText.length),
    end: firstBreak + Math.min(Math.max(e.pos[1], e.pos[0] + 1), yamlText.length),
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const contents = doc.contents as { items?: Array<{ key: unknown; value: unknown }> } | null;
  for (const item of contents?.items ?? []) {
    const keyNode = item.key as { value?: unknown; range?: number[] } | null;
    const valueNode = item.value as { range?: number[]; toJSON?: () => unknown } | null;
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const range = valueNode?.range ?? keyNode.range ?? [0, 0];
    entries.set(keyNode.value, {
      key: keyNode.value,
      value: valueNode && typeof valueNode.toJSON === 'function' ? valueNode.toJSON() : (valueNode as unknown),
      offset: firstBreak + (range[0] ?? 0),
      end: firstBreak + (range[1] ?? 0),
    });
  }
  return { offset, end, entries, errors };
}

/**
 * Front matter the author meant but Markdown does not read as such: a `---` with entries after it
 * (`id: …`) that is never closed, closed with YAML's `...`, or not on the first line (an empty line
 * before it). Its `---` offset and which slip; undefined when there is none.
 */
export function frontMatterSlip(text: DocText): { offset: number; kind: 'unclosed' | 'dots' | 'not-first-line' } | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lead = /^(?:[ \t]*\r?\n)+/.exec(text.slice(bom, bom + 200))?.[0].length ?? 0;
  const start = bom + lead;
  if (!/^---[ \t]*\r?\n[ \t]*[\p{L}_-]+[ \t]*:/u.test(text.slice(start, start + 200))) return undefined;
  const close = /\r?\n(---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(start + 3, start + 64 * 1024));
  if (!close) return { offset: start, kind: 'unclosed' };
  if (close[1] === '...') return { offset: start, kind: 'dots' };
  return lead ? { offset: start, kind: 'not-first-line' } : undefined;
}

/** What to say of each front matter slip (for a report, or for a template: `whose`). */
export function frontMatterSlipMessage(kind: 'unclosed' | 'dots' | 'not-first-line', whose: { vi: string; en: string }): { vi: string; en: string } {
  if (kind === 'dots') return {
    vi: `Phần khai báo đầu tệp (front matter) ${whose.vi}được đóng bằng “...”: hãy đóng bằng một dòng “---”.`,
    en: `${whose.en}front matter is closed with “...”: close it with a “---” line.`,
  };
  if (kind === 'not-first-line') return {
    vi: `Phần khai báo đầu tệp (front matter) ${whose.vi}phải bắt đầu ở dòng đầu tiên: xóa các dòng trống phía trên “---”.`,
    en: `${whose.en}front matter must begin on the first line: remove the empty lines above its “---”.`,
  };
  return {
    vi: `Phần khai báo đầu tệp (front matter) ${whose.vi}chưa đóng: thêm một dòng “---” sau các dòng khai báo.`,
    en: `${whose.en}front matter is not closed: add a “---” line after its entries.`,
  };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
/** A line that may continue a list above it across a blank line: a bullet or an ordered marker. */
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/**
 * HTML blocks of CommonMark's kinds 1–5 end at a marker, not at a blank line, so they may hold
 * blank lines and `#` lines (our own guidance comments do). Openers with their end markers.
 */
const HTML_OPEN = /^[ \t]*<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(!\[CDATA\[)|(![A-Za-z]))/i;
const HTML_END: Array<RegExp | undefined> = [undefined, /<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, /\]\]>/, />/];
/**
 * Kinds 6 and 7 (`<div>`, any tag alone on its line) end at the next blank line and swallow a `#`
 * line before it. Any line opening with a tag is taken for one: a cut missed is only slower.
 */
const HTML_TAG = /^[ \t]*<\/?[A-Za-z]/;
/** Marks an HTML block that ends at the next blank line. */
const UNTIL_BLANK = /^[ \t\r]*$/;

/** The fence a line opens (its backticks or tildes), or undefined: a backtick fence's info string has no backtick. */
function fenceOpen(line: string): string | undefined {
  const m = FENCE.exec(line);
  if (!m) return undefined;
  return m[1]![0] === '`' && line.indexOf('`', m[0].length) >= 0 ? undefined : m[1];
}

/** A closing fence: the opener's character, at least as many, and nothing after but spaces. */
function isFenceClose(line: string, fence: string): boolean {
  const m = FENCE.exec(line);
  return Boolean(m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && /^[ \t\r]*$/.test(line.slice(m[0].length)));
}

function htmlEnd(line: string): RegExp | undefined {
  const m = HTML_OPEN.exec(line);
  if (!m) return HTML_TAG.test(line) ? UNTIL_BLANK : undefined;
  const kind = m.findIndex((g, i) => i > 0 && g !== undefined);
  const end = HTML_END[kind]!;
  // An opener whose end marker is on the same line closes at once.
  return end.test(line.slice(m[0].length)) ? undefined : end;
}

/**
 * Offsets where the document may be cut into independently parsable chunks, so that a keystroke
 * re-parses one paragraph rather than the document. Cuts, outside front matter, code fences and
 * HTML blocks that span blank lines:
 * - before each ATX heading line: an ATX heading at column 0 always starts a new block;
 * - before a line indented less than 4 spaces that follows a blank line: it ends every open
 *   paragraph, list and quote — unless a list is open and the line is an item (which may continue
 *   it) or indented (which may go on with its last item).
 * Parsing the chunks apart then gives the same blocks as parsing whole, and the same inlines when
 * a chunk that may refer to a link reference definition elsewhere is parsed with it (see
 * `Definitions`, `definitionsIn`).
 * `headingsOnly`: the start of each ATX heading line (for the light parse, which reads no links).
 */
export function chunkStarts(text: string, headingsOnly = false): number[] {
  const starts = [0];
  scanCuts(text, 0, headingsOnly, starts);
  return starts;
}

/**
 * Scans the lines from `from` (0, or the start of a chunk: no block open there) and pushes the
 * cuts after it onto `starts`; `stop` may end the scan at a cut (which it then does not push).
 * Says where the scan stopped.
 */
function scanCuts(text: DocText, from: number, headingsOnly: boolean, starts: number[], stop?: (cut: number) => boolean): { stoppedAt: number } {
  let pos = from;
  if (from === 0) {
    if (text.charCodeAt(0) === 0xfeff) pos = 1;
    // Skip a front matter: a `#` inside YAML is a comment, not a heading.
    if (text.slice(pos, pos + 3) === '---' && /^---[ \t]*\r?\n/.test(text.slice(pos, pos + 8))) {
      const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
      close.lastIndex = pos + 3;
      const m = close.exec(flat(text));
      if (m) pos = m.index + m[0].length;
    }
  }
  let fence: string | undefined;
  let html: RegExp | undefined;
  let prevBlank = false;
  /** A list is open: what follows at column 0 after a blank line may be its next item. */
  let inList = false;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const c = text.charCodeAt(pos);
    // Blank: only spaces, tabs or a CR before the line break. Prose lines fail on the first char.
    let blank = true;
    for (let i = pos; i < nl; i++) {
      const k = text.charCodeAt(i);
      if (k !== 32 && k !== 9 && k !== 13) {
        blank = false;
        break;
      }
    }
    if (html) {
      if (html === UNTIL_BLANK ? blank : html.test(text.slice(pos, nl))) html = undefined;
    } else if (fence) {
      if (isFenceClose(text.slice(pos, nl), fence)) fence = undefined;
    } else if (!blank) {
      const line = text.slice(pos, Math.min(nl, pos + 16));
      const indented = c === 32 || c === 9;
      // Up to 3 spaces still open a block; 4, or a tab, may make indented code, which goes on
      // across blank lines ("    a\n\n    b" is one block): no cut there.
      let lead = 0;
      while (lead < 4 && text.charCodeAt(pos + lead) === 32) lead++;
      const codeIndent = lead === 4 || text.charCodeAt(pos + lead) === 9;
      const heading = ATX.test(line);
      const listLine = !codeIndent && LIST_ITEM.test(lead ? text.slice(pos + lead, Math.min(nl, pos + lead + 16)) : line);
      // After a blank line, an item or an indented line may go on with the list above, if any.
      if (pos > from && (heading || (!headingsOnly && prevBlank && !codeIndent && !(inList && (listLine || lead > 0))))) {
        if (stop?.(pos)) return { stoppedAt: pos };
        starts.push(pos);
      }
      if (heading) inList = false;
      else if (listLine) inList = true;
      else if (prevBlank && !indented) inList = false;
      if (FENCE.test(line)) fence = fenceOpen(text.slice(pos, nl));
      if (!fence && (c === 60 /* < */ || indented)) html = htmlEnd(text.slice(pos, nl));
    }
    prevBlank = blank;
    pos = nl + 1;
  }
  return { stoppedAt: text.length };
}

/**
 * Parses Markdown into headings, blocks, prose ranges, numbered lines and front matter. Offsets
 * are UTF-16 code units of `text` exactly as given (BOM, CRLF and NFD included). With a cache,
 * only the chunks an edit touched since the last call are parsed again.
 */
export function parseMarkdown(text: DocText, cache?: ParseCache): ParsedMarkdown {
  const prior = cache?.against(text);
  if (prior && !prior.whole) {
    const reparsed = reparse(text, prior.last, prior.prefix, prior.suffix, cache!.generation);
    if (reparsed) {
      cache!.remember(reparsed.parsed, false, reparsed.misses, prior);
      return reparsed.parsed;
    }
  }
  const starts = [0];
  scanCuts(text, 0, false, starts);
  // Chunks of the last parse by text: a whole-text replacement (a fix, a reload) keeps most.
  const known = prior ? byKey(prior.last) : new Map<string, ChunkSummary>();
  // First with the last parse's definitions (an edit seldom changes them) or those of the chunks
  // that may hold one, then with those found. A chunk's definitions do not depend on the ones
  // parsed with it, so a second pass finds the same.
  let definitions = prior ? prior.last.definitions : definitionsIn(text, starts);
  let misses = 0;
  for (let pass = 0; pass < 2; pass++) {
    const out: ParsedMarkdown = { text, headings: [], numberedLines: [], chunks: [], definitions };
    const parsed = addChunks(out, text, starts, text.length, known);
    if (parsed === undefined) break;
    misses += parsed;
    const found = definitionsOf(out.chunks);
    if (found?.key === definitions?.key) {
      cache?.remember(out, false, misses, prior);
      return out;
    }
    definitions = found;
  }
  // A safety net (see `chunkTree`): the text as one chunk, which needs no definitions from elsewhere.
  const out: ParsedMarkdown = { text, headings: [], numberedLines: [], chunks: [] };
  misses += addChunks(out, text, [0], text.length, known)!;
  cache?.remember(out, true, misses, prior);
  return out;
}

/** A chunk's key among parsed chunks: its text, and the labels it was parsed with definitions of. */
export function keyOf(chunk: string, labels: readonly string[], first: boolean): string {
  const key = labels.length ? `${chunk}\0${labels.join('\n')}` : chunk;
  return first ? `\u0001${key}` : key;
}

/** Chunks `from`…`to` of a parse by their key (see `keyOf`), for a parse of a new text to re-use. */
function byKey(parsed: ParsedMarkdown, from = 0, to = parsed.chunks.length): Map<string, ChunkSummary> {
  const known = new Map<string, ChunkSummary>();
  for (let k = from; k < to; k++) {
    const c = parsed.chunks[k]!;
    const chunk = parsed.text.slice(c.offset, c.end);
    known.set(keyOf(chunk, referencedIn(chunk, parsed.definitions), c.offset === 0), c.summary);
  }
  return known;
}

/** Innermost brackets: a reference's label is one (a label holds no bracket but an escaped one). */
const BRACKETED = /\[([^[\]]*)\]/g;

/** A label as mdast's `identifier` gives it: whitespace collapsed, case folded as micromark folds it. */
const identifierOf = (label: string) => label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase();

/**
 * The defined labels a chunk may refer to, sorted: those its brackets hold — all of them when a
 * bracket holds an escape or a line break (in a quote a label may span lines; the `>` is no part of it).
 */
export function referencedIn(chunk: string, definitions: Definitions | undefined): string[] {
  if (!definitions || !chunk.includes('[')) return [];
  const found = new Set<string>();
  for (const m of chunk.matchAll(BRACKETED)) {
    if (/[\\\n\r]/.test(m[1]!)) return [...definitions.labels];
    const label = identifierOf(m[1]!);
    if (definitions.labels.has(label)) found.add(label);
  }
  return [...found].sort();
}

/** The definitions in the chunks of `text` at `starts` that may hold one (`[label]:` needs a `]:`). */
export function definitionsIn(text: DocText, starts: readonly number[]): Definitions | undefined {
  if (!text.includes(']:')) return undefined;
  const chunks: ParsedChunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const chunk = text.slice(starts[i]!, starts[i + 1] ?? text.length);
    const summary = chunk.includes(']:') ? parseChunk(chunk, i === 0, []) : undefined;
    if (summary) chunks.push({ offset: starts[i]!, end: starts[i]! + chunk.length, summary });
  }
  return definitionsOf(chunks);
}

/** The definitions of a document parsed in `chunks`, or undefined when it has none. */
function definitionsOf(chunks: readonly ParsedChunk[]): Definitions | undefined {
  const labels = new Set<string>();
  for (const c of chunks) for (const label of c.summary.defines ?? []) labels.add(label);
  if (!labels.size) return undefined;
  const sorted = [...labels].sort();
  return { key: sorted.join('\n'), labels: new Set(sorted) };
}

/**
 * Parses the chunks from `starts` (up to `end`) into `out` with `out.definitions`, re-using
 * `known` ones; says how many were parsed, or undefined when one took in the definitions.
 */
function addChunks(out: ParsedMarkdown, text: DocText, starts: readonly number[], end: number, known: Map<string, ChunkSummary>): number | undefined {
  let misses = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const chunkEnd = starts[i + 1] ?? end;
    const chunk = text.slice(start, chunkEnd);
    const labels = referencedIn(chunk, out.definitions);
    const key = keyOf(chunk, labels, start === 0);
    let summary = known.get(key);
    // A chunk parsed now hands its tree on to the page layout, which would otherwise parse it again.
    const fresh: { tree?: unknown } = {};
    if (!summary) {
      summary = parseChunk(chunk, start === 0, labels, fresh);
      if (!summary) return undefined;
      known.set(key, summary);
      misses++;
    }
    appendShifted(out, summary, start);
    out.chunks.push({ offset: start, end: chunkEnd, summary, tree: fresh.tree });
  }
  return misses;
}

/**
 * The parse of `text` from the last one (`last`), which shares its first `prefix` and last
 * `suffix` code units: its chunks before the edit are kept, the lines from the last chunk start
 * whose first line lies wholly before the edit are scanned again until a cut lands where the old
 * text had one inside the shared end, and the chunks from there are kept, shifted. Undefined when
 * the edited region holds a link reference definition (the document is then parsed whole).
 */
function reparse(text: DocText, last: ParsedMarkdown, prefix: number, suffix: number, generation: number): { parsed: ParsedMarkdown; misses: number } | undefined {
  const old = last.text;
  const oldChunks = last.chunks;
  const delta = text.length - old.length;
  // The last chunk whose start and first line are unchanged: scanning resumes there.
  let i = countBefore(oldChunks, prefix + 1) - 1;
  while (i > 0) {
    const nl = old.indexOf('\n', oldChunks[i]!.offset);
    if (nl >= 0 && nl < prefix) break;
    i--;
  }
  if (i <= 0) return undefined; // the edit is in the first chunk's first line: scan from the start
  const from = oldChunks[i]!.offset;
  // Scan until a cut lands on an old chunk start in the shared end: from there on, all is as before.
  const sharedFrom = text.length - suffix;
  let j = oldChunks.length;
  const starts = [from];
  const scan = scanCuts(text, from, false, starts, (cut) => {
    if (cut < sharedFrom) return false;
    const k = countBefore(oldChunks, cut - delta);
    if (k < i || oldChunks[k]?.offset !== cut - delta) return false;
    j = k;
    return true;
  });
  const regionEnd = scan.stoppedAt;
  const out: ParsedMarkdown = { text, headings: [], numberedLines: [], chunks: oldChunks.slice(0, i), definitions: last.definitions };
  out.frontMatter = last.frontMatter; // it is in the first chunk, which is kept (i > 0)
  // Entries before the region are the old ones, untouched (the arrays are in offset order).
  out.headings = last.headings.slice(0, countBefore(last.headings, from));
  out.numberedLines = last.numberedLines.slice(0, countBefore(last.numberedLines, from));
  // The old chunks of the region, by text: an edit that only moves text re-parses nothing.
  const known = byKey(last, i, j);
  const misses = addChunks(out, text, starts, regionEnd, known);
  if (misses === undefined) return undefined;
  // The edit added or took away a definition: every chunk that may refer to it is parsed again.
  const region = (from: number, to: number, chunks: readonly ParsedChunk[]) => chunks.slice(from, to).some((c) => c.summary.defines);
  if ((region(i, j, oldChunks) || region(i, out.chunks.length, out.chunks)) && definitionsOf(out.chunks)?.key !== last.definitions?.key) return undefined;
  out.reuse = { generation, oldCount: oldChunks.length, kept: i, shiftedFrom: out.chunks.length, oldShiftedFrom: j, found: last.found };
  if (j < oldChunks.length) {
    const oldFrom = oldChunks[j]!.offset;
    for (let k = j; k < oldChunks.length; k++) {
      const c = oldChunks[k]!;
      out.chunks.push({ offset: c.offset + delta, end: c.end + delta, summary: c.summary, tree: undefined });
    }
    shiftInto(out.headings, last.headings, oldFrom, delta, movedHeading);
    shiftInto(out.numberedLines, last.numberedLines, oldFrom, delta, movedLine);
  }
  return { parsed: out, misses };
}

/** How many entries (in offset order) start before `offset`: the index of the first at or after it. */
export function countBefore(list: ReadonlyArray<{ offset: number }>, offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Appends the entries of `from` at or after `offset`, moved by `by` (the same objects when 0). */
function shiftInto<T extends { offset: number }>(to: T[], from: readonly T[], offset: number, by: number, move: (entry: T, by: number) => T): void {
  for (let k = countBefore(from, offset); k < from.length; k++) to.push(by ? move(from[k]!, by) : from[k]!);
}

function appendShifted(out: ParsedMarkdown, s: ChunkSummary, by: number): void {
  if (s.frontMatter && by === 0) out.frontMatter = s.frontMatter;
  for (const h of s.headings) out.headings.push(by ? movedHeading(h, by) : h);
  for (const l of s.numberedLines) out.numberedLines.push(by ? movedLine(l, by) : l);
}

const movedHeading = (h: Heading, by: number): Heading => ({ ...h, offset: h.offset + by, end: h.end + by, textOffset: h.textOffset + by, textEnd: h.textEnd + by });
const movedLine = (l: NumberedLine, by: number): NumberedLine => ({ ...l, offset: l.offset + by, end: l.end + by, textOffset: l.textOffset + by });

function parseChunk(text: string, first: boolean, labels: readonly string[], fresh?: { tree?: unknown }): ChunkSummary | undefined {
  const summary: ChunkSummary = { headings: [], blocks: [], prose: [], numberedLines: [] };
  let tree: MdNode | undefined;
  try {
    tree = chunkTree(text, first, labels) as MdNode | undefined;
  } catch {
    return summary;
  }
  if (!tree) return undefined;
  if (fresh) fresh.tree = tree;
  const defines: string[] = [];
  const paragraphs: ParagraphLines[] = [];
  for (const node of tree.children ?? []) {
    try {
      if (node.type === 'yaml' && !summary.frontMatter && startOf(node) <= 1) {
        summary.frontMatter = readFrontMatter(node, text);
        continue;
      }
      if (node.type === 'heading') summary.headings.push(toHeading(node, text));
      else summary.blocks.push({ type: node.type, offset: startOf(node), end: endOf(node) });
      if (node.type === 'paragraph' || node.type === 'list') collectNumberedLines(node, text, summary.numberedLines);
      collectProse(node, text, summary.prose);
      collectDefinitions(node, defines);
      collectParagraphs(node, text, paragraphs);
    } catch {
      // A pathological block (nesting deep enough to exhaust the stack) is skipped, not fatal.
    }
  }
  if (defines.length) summary.defines = defines;
  if (paragraphs.length) summary.paragraphs = paragraphs;
  return summary;
}

/**
 * The mdast tree of one chunk of a document (the `first`: it may open with front matter) parsed
 * with definitions of `labels` (see `Definitions`), with offsets into `text`. Undefined should a
 * block have taken in the definitions parsed before the chunk (none can: the chunk starts where
 * every block is closed; the caller then parses the text whole). Throws on pathological input
 * (nesting deep enough to exhaust the stack).
 */
export function chunkTree(text: string, first: boolean, labels: readonly string[] = []): unknown {
  if (!labels.length) {
    const tree = plainChunk(text);
    if (tree) return tree;
  }
  // `#`: any destination will do; the checks and the layout read no URL.
  const definitions = labels.map((label) => `[${label}]: #`);
  if (!first) {
    // micromark drops a BOM at the start of its input; after the first chunk one is text, as in
    // the whole document: a blank line before keeps it.
    const before = labels.length ? definitions.map((d) => `${d}\n\n`).join('') : text.charCodeAt(0) === 0xfeff ? '\n' : '';
    const tree = bodyProcessor.parse(before + text) as unknown as MdNode;
    if (before) shiftPositions(tree, -before.length);
    return !labels.length || dropDefinitions(tree, 0, labels.length, text.length) ? tree : undefined;
  }
  // The document's BOM: micromark drops it and counts offsets without it; shift them back.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const after = labels.length ? definitions.map((d) => `\n\n${d}`).join('') + '\n' : '';
  const tree = processor.parse((bom ? text.slice(1) : text) + after) as unknown as MdNode;
  if (bom) shiftPositions(tree, bom);
  if (!labels.length || dropDefinitions(tree, (tree.children?.length ?? 0) - labels.length, labels.length, text.length)) return tree;
  // A block left open at the end took them in: then this chunk runs to the end of the text and
  // holds every definition itself.
  return chunkTree(text, first);
}

/**
 * Drops the `count` definitions parsed with a chunk of `length` code units from its tree (from
 * index `at`); false when they are not all there, apart from the chunk's own blocks.
 */
function dropDefinitions(tree: MdNode, at: number, count: number, length: number): boolean {
  const nodes = tree.children ?? [];
  if (at < 0 || at + count > nodes.length) return false;
  for (const [k, node] of nodes.entries()) {
    const added = k >= at && k < at + count;
    if (added ? node.type !== 'definition' || (startOf(node) < length && endOf(node) > 0) : startOf(node) < 0 || endOf(node) > length) return false;
  }
  nodes.splice(at, count);
  return true;
}

/** Labels of the definitions in a block, in quotes and list items too. */
function collectDefinitions(node: MdNode, out: string[]): void {
  if (node.type === 'definition' && node.identifier !== undefined) out.push(node.identifier);
  else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') for (const child of node.children ?? []) collectDefinitions(child, out);
}

/** Characters that may open markup inside a line (or make columns differ from code units), and a CR that ends no line. */
const MARKUP = /[\\`*_[\]<&\t\uD800-\uDFFF]|\r(?!\n)/;
/** What a line of plain prose starts with: nothing that could open a list, quote, heading, break, fence, table … */
const PROSE_START = /[^#>\-+*=_`~<[\]|\\&\s\d]/uy;
const ORDERED_START = /\d{1,9}[.)]/y;
const DIGIT_START = /\d/y;
const PLAIN_HEADING = /^(#{1,6}) +([^ #\n](?:[^#\n]*[^ #\n])?)$/;

type Point = { line: number; column: number; offset: number };
const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });

/** Does the text at `pos` open a line of prose (and no other block)? */
function opensProse(text: string, pos: number): boolean {
  PROSE_START.lastIndex = pos;
  if (PROSE_START.test(text)) return true;
  DIGIT_START.lastIndex = pos;
  ORDERED_START.lastIndex = pos;
  return DIGIT_START.test(text) && !ORDERED_START.test(text);
}

/**
 * @internal The tree of a chunk of plain prose — paragraphs, ATX heading lines and bullet lists
 * (tight or loose, items of one paragraph, lazy lines included) without markup, with no line that
 * could open another kind of block or end in a hard break — built without micromark, exactly as
 * micromark would build it (a property test holds the two equal). Typing in such a chunk is the
 * common keystroke; anything else is parsed.
 */
export function plainChunk(text: string): MdNode | undefined {
  // `end`: before the line breaks (LF or CRLF) that close the chunk.
  let end = text.length;
  let breaks = 0;
  while (end > 0 && text.charCodeAt(end - 1) === 10) {
    end -= text.charCodeAt(end - 2) === 13 ? 2 : 1;
    breaks++;
  }
  if (end <= 0 || MARKUP.test(text)) return undefined;
  // The lines up to `end`, each with where its text ends before trailing spaces: blocks end with
  // the line, text nodes before the spaces. A blank line has `textEnd === from`.
  // `lead`: spaces the line opens with; micromark leaves them out of the paragraph's text.
  const lines: Array<{ from: number; to: number; textEnd: number; lead: number }> = [];
  for (let pos = 0; pos < end; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    const to = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let textEnd = to;
    while (textEnd > pos && text.charCodeAt(textEnd - 1) === 32) textEnd--;
    let lead = 0;
    while (pos + lead < textEnd && text.charCodeAt(pos + lead) === 32) lead++;
    lines.push({ from: pos, to, textEnd, lead });
    pos = nl + 1;
  }
  const at = (i: number, offset: number) => point(i + 1, offset - lines[i]!.from + 1, offset);
  /** Lines `first`…`last` as one paragraph whose text starts at `start` on the first line. */
  const paragraph = (first: number, last: number, start: number): MdNode | undefined => {
    const parts: string[] = [];
    for (let i = first; i <= last; i++) {
      const { from, to, textEnd, lead } = lines[i]!;
      const textFrom = i === first ? start : from + lead;
      // Two spaces before a line break make a hard break: not plain.
      if (!opensProse(text, textFrom) || (i < last && to - textEnd > 1)) return undefined;
      // Lines join with their own line break, as micromark keeps it (LF or CRLF).
      if (i > first) parts.push(text.slice(lines[i - 1]!.to, from));
      parts.push(text.slice(textFrom, textEnd));
    }
    const begin = at(first, start);
    return { type: 'paragraph', children: [{ type: 'text', value: parts.join(''), position: { start: begin, end: at(last, lines[last]!.textEnd) } }], position: { start: begin, end: at(last, lines[last]!.to) } };
  };
  const blocks: MdNode[] = [];
  let paraFirst = -1;
  let list: { marker: number; items: Array<{ first: number; last: number }>; spread: boolean } | undefined;
  let blankBefore = false;
  const closeParagraph = (last: number): boolean => {
    if (paraFirst < 0) return true;
    const node = paragraph(paraFirst, last, lines[paraFirst]!.from + lines[paraFirst]!.lead);
    paraFirst = -1;
    return Boolean(node && blocks.push(node));
  };
  const closeList = (): boolean => {
    if (!list) return true;
    const items: MdNode[] = [];
    for (const { first, last } of list.items) {
      const body = paragraph(first, last, lines[first]!.from + 2);
      if (!body) return false;
      items.push({ type: 'listItem', spread: false, checked: null, children: [body], position: { start: at(first, lines[first]!.from), end: at(last, lines[last]!.to) } });
    }
    blocks.push({ type: 'list', ordered: false, start: null, spread: list.spread, children: items, position: { start: items[0]!.position!.start as Point, end: items[items.length - 1]!.position!.end as Point } });
    list = undefined;
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const { from, textEnd, lead } = lines[i]!;
    if (textEnd === from) {
      // Inside a chunk a blank line can only stand between items of one list (see `chunkStarts`).
      if (!list || paraFirst >= 0) return undefined;
      blankBefore = true;
      continue;
    }
    const c = text.charCodeAt(from);
    if (c === 35 /* # */) {
      const m = PLAIN_HEADING.exec(text.slice(from, textEnd));
      if (!m || blankBefore || !closeParagraph(i - 1) || !closeList()) return undefined;
      const span = { start: at(i, textEnd - m[2]!.length), end: at(i, textEnd) };
      blocks.push({ type: 'heading', depth: m[1]!.length, children: [{ type: 'text', value: m[2]!, position: span }], position: { start: at(i, from), end: at(i, lines[i]!.to) } });
      continue;
    }
    if ((c === 45 /* - */ || c === 43 /* + */) && text.charCodeAt(from + 1) === 32) {
      if (!closeParagraph(i - 1)) return undefined;
      if (list && list.marker === c) {
        list.spread ||= blankBefore;
        list.items.push({ first: i, last: i });
      } else {
        if (blankBefore || !closeList()) return undefined;
        list = { marker: c, items: [{ first: i, last: i }], spread: false };
      }
      blankBefore = false;
      continue;
    }
    // A line led by spaces is prose when its text is: it goes on a paragraph (with any indent), or
    // opens one (with up to 3 spaces; 4 would make indented code).
    if (blankBefore || !opensProse(text, from + lead)) return undefined;
    if (list) list.items[list.items.length - 1]!.last = i; // a lazy line: the item's paragraph goes on
    else if (paraFirst < 0) {
      if (lead > 3) return undefined;
      paraFirst = i;
    }
  }
  if (blankBefore || !closeParagraph(lines.length - 1) || !closeList()) return undefined;
  const last = lines.length - 1;
  const tail = breaks ? point(lines.length + breaks, 1, text.length) : at(last, end);
  return { type: 'root', children: blocks, position: { start: point(1, 1, 0), end: tail } };
}

const ATX_LINE = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/**
 * The light parse of a very large document: only front matter and ATX headings, found by a line
 * scan without remark (which would take seconds). Enough for the outline checks.
 */
export function parseLight(text: string): ParsedMarkdown {
  const out: ParsedMarkdown = { text, headings: [], numberedLines: [], chunks: [] };
  const starts = chunkStarts(text, true);
  const first = text.slice(0, starts[1] ?? text.length);
  const fm = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(first.slice(0, 64 * 1024));
  if (fm) out.frontMatter = readFrontMatter({ type: 'yaml', value: fm[1], position: { start: { offset: fm[0].startsWith('\uFEFF') ? 1 : 0 }, end: { offset: fm[0].length } } }, text);
  for (const start of starts) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
    const m = ATX_LINE.exec(text.slice(start, Math.min(lineEnd, start + 2000)));
    if (!m) continue;
    const title = m[2] ?? '';
    const textOffset = title ? start + m[0].indexOf(title, m[1]!.length) : lineEnd;
    const plain = title.replace(/\*\*|__/g, '').trim();
    out.headings.push({
      depth: m[1]!.length, offset: start, end: lineEnd, textOffset, textEnd: textOffset + title.length, text: plain,
      numbering: parseNumbering(plain.normalize('NFC')), keys: titleKeys(plain), setext: false, marked: true, optional: isOptionalTitle(plain),
    });
  }
  return out;
}

/** A fenced code block opens with its fence; an indented one with its text. */
export const FENCED = /^[ \t]*(?:```|~~~)/;

function collectProse(node: MdNode, text: string, out: Array<[number, number]>): void {
  if (node.type === 'text') {
    out.push([startOf(node), endOf(node)]);
    return;
  }
  // A report's "code indented" is a paragraph typed with a tab or four spaces before it (its
  // blanks are typeset all the same); code is what an author fences.
  if (node.type === 'code' && !FENCED.test(text.slice(startOf(node), startOf(node) + 8))) {
    out.push([startOf(node), endOf(node)]);
    return;
  }
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return;
  for (const child of node.children ?? []) collectProse(child, text, out);
}

/** Paragraphs (in lists and quotes too) of more than one line: where their lines start. */
function collectParagraphs(node: MdNode, text: string, out: ParagraphLines[]): void {
  if (node.type !== 'paragraph') {
    for (const child of node.children ?? []) collectParagraphs(child, text, out);
    return;
  }
  const lines = [startOf(node)];
  // Soft line breaks are in the paragraph's own text nodes. Not those inside emphasis or a link
  // (a blank line there would break the `**` pair), nor a hard break's, nor in code spans or HTML.
  for (const child of node.children ?? []) {
    if (child.type !== 'text') continue;
    const end = endOf(child);
    for (let nl = text.indexOf('\n', startOf(child)); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) lines.push(nl + 1);
  }
  if (lines.length > 1) out.push({ lines, end: endOf(node) });
}

const EMPHASIS_OPEN = /^(\*\*|__|\*|_)(?=\S)/;
/** `*x*`, `_x_` as a word or words (not a `*` footnote mark, not snake_case). */
const SINGLE_EMPHASIS = /(?<![\p{L}\p{N}*_])([*_])(?=[^\s*_])(.*?[^\s*_])\1(?![\p{L}\p{N}*_])/gu;
const BULLET = /^[-*+][ \t]/;

/** Lines of a top-level paragraph or list that start with a section number. */
function collectNumberedLines(node: MdNode, text: string, out: NumberedLine[]): void {
  const start = startOf(node);
  const end = endOf(node);
  let pos = start;
  let prevLine = '';
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    const lineEnd = nl > pos && text[nl - 1] === '\r' ? nl - 1 : nl;
    const raw = text.slice(pos, lineEnd);
    const indent = raw.length - raw.trimStart().length;
    let body = raw.slice(indent);
    let textOffset = pos + indent;
    // The whole line bold, italic, or both (`***a) …***`, `**_a) …_**` from pandoc): every layer off.
    let emphasised = false;
    for (let emphasis = EMPHASIS_OPEN.exec(body); emphasis; emphasis = EMPHASIS_OPEN.exec(body)) {
      const trimmedEnd = body.trimEnd();
      if (!trimmedEnd.endsWith(emphasis[1]!) || trimmedEnd.length <= 2 * emphasis[1]!.length) break;
      body = trimmedEnd.slice(emphasis[1]!.length, -emphasis[1]!.length);
      textOffset += emphasis[1]!.length;
      emphasised = true;
    }
    // Emphasis inside (`**1.** Công tác`, `***a)*** Công tác`): markers off, words kept.
    const plain = body.replace(/(\*\*|__)(.*?)\1/g, '$2').replace(SINGLE_EMPHASIS, '$2').replace(/\s+/g, ' ').trim();
    const numbering = !BULLET.test(body) && indent < 4 ? parseNumbering(plain.normalize('NFC')) : undefined;
    if (numbering) {
      const prev = prevLine.trimEnd();
      // After a title in capitals too: a report pasted from Word is one paragraph (`joined-paragraph`).
      const opensBlock = pos === start || prev === '' || /[.:;!?)]$|\*\*$/.test(prev) || endsParagraph(withoutMarks(prev)) || isStrongTitle(plain);
      out.push({ offset: pos, end: lineEnd, textOffset, text: plain, numbering, emphasised, opensBlock, runsOn: false });
    } else if (out.length && out[out.length - 1]!.end === pos - (text[pos - 2] === '\r' ? 2 : 1) && raw.trim() && !BULLET.test(raw.trimStart())) {
      // A following line that is neither numbered nor a bullet continues the numbered line's prose
      // — unless it reads as a paragraph of its own after a title (`joined-paragraph`).
      const title = out[out.length - 1]!;
      if (!endsParagraph(title.text) || !opensParagraph(withoutMarks(raw))) title.runsOn = true;
    }
    prevLine = raw;
    pos = nl + 1;
  }
}

function shiftPositions(node: MdNode, by: number): void {
  if (node.position) {
    if (node.position.start.offset !== undefined) node.position.start.offset += by;
    if (node.position.end.offset !== undefined) node.position.end.offset += by;
  }
  for (const child of node.children ?? []) shiftPositions(child, by);
}

function toHeading(node: MdNode, text: string): Heading {
  const offset = startOf(node);
  const end = endOf(node);
  const children = node.children ?? [];
  const first = children[0];
  const last = children[children.length - 1];
  const plain = plainText(node).replace(/\s+/gu, ' ').trim();
  const setext = text[offset] !== '#';
  const nfc = plain.normalize('NFC');
  return {
    depth: node.depth ?? 1,
    offset,
    end,
    textOffset: first ? startOf(first) : end,
    textEnd: last ? endOf(last) : end,
    text: plain,
    numbering: parseNumbering(nfc),
    keys: titleKeys(plain),
    setext,
    marked: true,
    optional: isOptionalTitle(plain),
  };
}

/** The whole text parsed as one chunk: the reference the chunked parse must agree with. */
export function parseWhole(text: string): ParsedMarkdown {
  const summary = parseChunk(text, true, [])!; // without definitions to take in, always a summary
  const { frontMatter, headings, numberedLines } = summary;
  return { text, frontMatter, headings, numberedLines, chunks: [{ offset: 0, end: text.length, summary, tree: undefined }] };
}
