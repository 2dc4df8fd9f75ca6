import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parseDocument } from 'yaml';
import { parseNumbering, type Numbering } from './numbering';
import { isOptionalTitle, titleKeys, type TitleKeys } from './normalize';

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
  text: string;
  frontMatter?: FrontMatter;
  headings: Heading[];
  blocks: Block[];
  numberedLines: NumberedLine[];
  /** The chunks (heading to heading) the text was parsed in, for per-chunk caches of checks. */
  chunks: Array<{ offset: number; end: number; summary: ChunkSummary; tree?: unknown }>;
}

/** What one chunk of the document parses to, with offsets relative to the chunk's start. */
export interface ChunkSummary {
  frontMatter?: FrontMatter;
  headings: Heading[];
  blocks: Block[];
  /** Ranges of prose (text nodes): where blanks are looked for; code, HTML and URLs are not prose. */
  prose: Array<[number, number]>;
  numberedLines: NumberedLine[];
  /** Results of checks that depend on this chunk's text only, keyed by the check and its options. */
  memo?: Map<string, unknown>;
}

/**
 * Parsed chunks keyed by their text, so that a keystroke re-parses only the chunk it touched.
 * One cache per document; entries not used by the latest parse are dropped.
 */
export class ParseCache {
  #chunks = new Map<string, ChunkSummary>();
  /** Chunks parsed (not found in the cache) by the last `parseMarkdown` call: for tests and benchmarks. */
  misses = 0;
  get(text: string): ChunkSummary | undefined {
    return this.#chunks.get(text);
  }
  replace(used: Map<string, ChunkSummary>): void {
    this.#chunks = used;
  }
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

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

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^#{1,6}(?:[ \t]|$)/;

/**
 * Offsets where the document may be cut into independently parsable chunks: the start of each
 * ATX heading line outside front matter and code fences. An ATX heading at column 0 always starts
 * a new block in CommonMark, so parsing the chunks apart gives the same blocks as parsing whole.
 */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Skip a front matter: a `#` inside YAML is a comment, not a heading.
  if (text.startsWith('---', pos) && /^---[ \t]*\r?\n/.test(text.slice(pos, pos + 8))) {
    const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
    close.lastIndex = pos + 3;
    const m = close.exec(text);
    if (m) pos = m.index + m[0].length;
  }
  let fence: string | undefined;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, Math.min(nl, pos + 16));
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
    } else if (f) {
      fence = f[1];
    } else if (ATX.test(line) && pos > 0) {
      starts.push(pos);
    }
    pos = nl + 1;
  }
  return starts;
}

/**
 * Parses Markdown into headings, blocks, prose ranges, numbered lines and front matter. Offsets
 * are UTF-16 code units of `text` exactly as given (BOM, CRLF and NFD included). With a cache,
 * only chunks (heading to heading) whose text changed since the last call are parsed again.
 */
export function parseMarkdown(text: string, cache?: ParseCache): ParsedMarkdown {
  const out: ParsedMarkdown = { text, headings: [], blocks: [], numberedLines: [], chunks: [] };
  const starts = chunkStarts(text);
  const used = new Map<string, ChunkSummary>();
  let misses = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    let summary = used.get(chunk) ?? cache?.get(chunk);
    // A chunk parsed now hands its tree on (to the page layout, which would parse it again); the
    // tree is not cached: it is dropped once the check is done.
    const fresh: { tree?: unknown } = {};
    if (!summary) {
      summary = parseChunk(chunk, fresh);
      misses++;
    }
    used.set(chunk, summary);
    appendShifted(out, summary, start);
    out.chunks.push({ offset: start, end: start + chunk.length, summary, ...(fresh.tree ? { tree: fresh.tree } : {}) });
  }
  if (cache) {
    cache.replace(used);
    cache.misses = misses;
  }
  return out;
}

function appendShifted(out: ParsedMarkdown, s: ChunkSummary, by: number): void {
  if (s.frontMatter && by === 0) out.frontMatter = s.frontMatter;
  for (const h of s.headings) {
    out.headings.push(by ? { ...h, offset: h.offset + by, end: h.end + by, textOffset: h.textOffset + by, textEnd: h.textEnd + by } : h);
  }
  for (const b of s.blocks) out.blocks.push(by ? { ...b, offset: b.offset + by, end: b.end + by } : b);
  for (const l of s.numberedLines) {
    out.numberedLines.push(by ? { ...l, offset: l.offset + by, end: l.end + by, textOffset: l.textOffset + by } : l);
  }
}

function parseChunk(text: string, fresh?: { tree?: unknown }): ChunkSummary {
  const summary: ChunkSummary = { headings: [], blocks: [], prose: [], numberedLines: [] };
  // micromark drops a BOM and counts offsets without it; parse without it and shift back.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let tree: MdNode;
  try {
    tree = processor.parse(bom ? text.slice(1) : text) as unknown as MdNode;
    if (bom) shiftPositions(tree, bom);
  } catch {
    return summary;
  }
  if (fresh) fresh.tree = tree;
  for (const node of tree.children ?? []) {
    try {
      if (node.type === 'yaml' && !summary.frontMatter && startOf(node) <= 1) {
        summary.frontMatter = readFrontMatter(node, text);
        continue;
      }
      if (node.type === 'heading') summary.headings.push(toHeading(node, text));
      else summary.blocks.push({ type: node.type, offset: startOf(node), end: endOf(node) });
      if (node.type === 'paragraph' || node.type === 'list') collectNumberedLines(node, text, summary.numberedLines);
      collectProse(node, summary.prose);
    } catch {
      // A pathological block (nesting deep enough to exhaust the stack) is skipped, not fatal.
    }
  }
  return summary;
}

const ATX_LINE = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/**
 * The light parse of a very large document: only front matter and ATX headings, found by a line
 * scan without remark (which would take seconds). Enough for the outline checks.
 */
export function parseLight(text: string): ParsedMarkdown {
  const out: ParsedMarkdown = { text, headings: [], blocks: [], numberedLines: [], chunks: [] };
  const starts = chunkStarts(text);
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

function collectProse(node: MdNode, out: Array<[number, number]>): void {
  if (node.type === 'text') {
    out.push([startOf(node), endOf(node)]);
    return;
  }
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return;
  for (const child of node.children ?? []) collectProse(child, out);
}

const EMPHASIS_OPEN = /^(\*\*|__|\*|_)(?=\S)/;
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
    const emphasis = EMPHASIS_OPEN.exec(body);
    const trimmedEnd = body.trimEnd();
    const emphasised = Boolean(emphasis && trimmedEnd.endsWith(emphasis[1]!) && trimmedEnd.length > 2 * emphasis[1]!.length);
    if (emphasis && emphasised) {
      body = trimmedEnd.slice(emphasis[1]!.length, -emphasis[1]!.length);
      textOffset += emphasis[1]!.length;
    }
    const plain = body.replace(/(\*\*|__)(.*?)\1/g, '$2').replace(/\s+/g, ' ').trim();
    const numbering = !BULLET.test(body) && indent < 4 ? parseNumbering(plain.normalize('NFC')) : undefined;
    if (numbering) {
      const prev = prevLine.trimEnd();
      const opensBlock = pos === start || prev === '' || /[.:;!?)]$|\*\*$/.test(prev) || Boolean(parseNumbering(prev.replace(/^\*+/, '').normalize('NFC')));
      out.push({ offset: pos, end: lineEnd, textOffset, text: plain, numbering, emphasised, opensBlock, runsOn: false });
    } else if (out.length && out[out.length - 1]!.end === pos - (text[pos - 2] === '\r' ? 2 : 1) && raw.trim() && !BULLET.test(raw.trimStart())) {
      // A following line that is neither numbered nor a bullet continues the numbered line's prose.
      out[out.length - 1]!.runsOn = true;
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
  const summary = parseChunk(text);
  return { text, ...summary, chunks: [{ offset: 0, end: text.length, summary }] };
}
