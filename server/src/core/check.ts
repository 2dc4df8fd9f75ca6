import type { DocText } from './text';
import { memoSlot, type ChunkSummary, type ParsedChunk, type ParsedMarkdown } from './parse';
import type { Outline, Section } from './outline';
import type { Template, TemplateRegistry } from './templates';
import type { Selection } from './select';
import type { Alignment } from './align';
import type { CheckOptions, Code, Finding, Level, Message } from './types';
import type { PageEstimate } from './pages';

/** Everything a check may look at; built once per check run, read-only. */
export interface CheckContext {
  text: DocText;
  doc: ParsedMarkdown;
  outline: Outline;
  registry: TemplateRegistry;
  selection: Selection;
  template?: Template;
  /** Present when a template was selected. */
  alignment?: Alignment;
  options: CheckOptions;
  /** The document is above the large-file threshold: light parse, outline checks only. */
  large: boolean;
  /** The A4 page estimate (absent for very large files). */
  pages?: PageEstimate;
}

/** A finding before the runner gives it its code and configured level. */
export type Draft = Omit<Finding, 'code' | 'level'>;

/** One diagnostic code: what it is called, how severe by default, and how to find it. */
export interface Check {
  code: Code;
  defaultLevel: Level;
  /** True when its findings carry the data a code action builds an edit from. */
  fixable: boolean;
  title: Message;
  run(ctx: CheckContext): Draft[];
}

/** Where a message read the text: a heading it quotes, a title block whose year it uses. */
export interface TextRead {
  offset: number;
  end: number;
}

/** Text read since `collectQuotes` began (see `structure.ts`): messages depend on it. */
let quoting: TextRead[] | undefined;

/** Runs `run` and says which headings (and other text) it read for its messages. */
export function collectQuotes<T>(run: () => T): { value: T; quoted: TextRead[] } {
  const outer = quoting;
  const quoted: TextRead[] = (quoting = []);
  try {
    return { value: run(), quoted };
  } finally {
    quoting = outer;
  }
}

/**
 * “Title” in the document's own words, numbering included, for messages: in NFC (as the rest of
 * the message, whatever the report's normalisation), its own “…” turned into ‘…’ so that quotes
 * do not nest.
 */
export function quote(section: Section): string {
  quoting?.push(section.heading);
  return `“${quotable(section.heading.text)}”`;
}

/** Notes text a message depends on without quoting it (a heading's or the title block's years). */
export function readText(read: TextRead): void {
  quoting?.push(read);
}

/** Text to put between “ ”: NFC, its own “…” as ‘…’. */
export function quotable(text: string): string {
  return text.normalize('NFC').replace(/“/g, '‘').replace(/”/g, '’');
}

/** Range of a heading's line, for findings placed on a heading. */
export function headingRange(section: Section): { offset: number; length: number } {
  return { offset: section.heading.offset, length: section.heading.end - section.heading.offset };
}

/**
 * Findings that depend on one chunk's text alone, found (messages and fixes included) once per
 * chunk and kept on its parse under `key`; on every check they only get the chunk's place.
 * `find` gives offsets relative to the chunk; `skip` passes over a chunk with nothing to find.
 * After an edit only the chunks the parse did not re-use are visited: the findings of those before
 * it are the last check's, those after it the last check's moved (see `ChunkReuse`).
 */
export function perChunk(ctx: CheckContext, key: string, find: (chunk: ParsedChunk) => Draft[], skip?: (summary: ChunkSummary) => boolean): Draft[] {
  const { doc } = ctx;
  const count = doc.chunks.length;
  const slot = memoSlot(key);
  const reuse = doc.reuse;
  const last = reuse?.found?.get(key) as ChunkFindings | undefined;
  const resumes = reuse && last && last.first.length === reuse.oldCount + 1;
  const out: Draft[] = resumes ? last.drafts.slice(0, last.first[reuse.kept]) : [];
  const first = new Int32Array(count + 1);
  if (resumes) first.set(last.first.subarray(0, reuse.kept + 1));
  const to = resumes ? reuse.shiftedFrom : count;
  for (let c = resumes ? reuse.kept : 0; c < to; c++) {
    first[c] = out.length;
    const chunk = doc.chunks[c]!;
    // A 300-page report has thousands of chunks, most with nothing to find: passed over at once.
    if (skip?.(chunk.summary)) continue;
    const memo = (chunk.summary.memo ??= []);
    let drafts = memo[slot] as Draft[] | undefined;
    if (!drafts) memo[slot] = drafts = find(chunk);
    for (const d of drafts) out.push(moved(d, chunk.offset));
  }
  if (resumes) {
    const by = doc.text.length - last.length;
    const from = last.first[reuse.oldShiftedFrom]!;
    for (let c = to; c <= count; c++) first[c] = out.length + last.first[c - to + reuse.oldShiftedFrom]! - from;
    for (let k = from; k < last.drafts.length; k++) out.push(by ? moved(last.drafts[k]!, by) : last.drafts[k]!);
  } else first[count] = out.length;
  (doc.found ??= new Map()).set(key, { drafts: out, first, length: doc.text.length } satisfies ChunkFindings);
  return out;
}

/** What `perChunk` found for one key on a parse: the drafts in place, and where each chunk's begin. */
interface ChunkFindings {
  drafts: Draft[];
  /** Index in `drafts` of each chunk's first (one more entry: their count). */
  first: Int32Array;
  /** The length of the text they are placed in. */
  length: number;
}

/** `d` moved by `by` code units, its fixes with it. */
function moved(d: Draft, by: number): Draft {
  return d.fixes ? { ...d, offset: by + d.offset, fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, offset: by + e.offset })) })) } : { ...d, offset: by + d.offset };
}

/** The start of `text` for a message, in NFC (a cut in NFD could part a letter from its marks), cut between words. */
export function excerpt(text: string, max = 40): string {
  const nfc = text.normalize('NFC');
  return nfc.length > max ? `${nfc.slice(0, max + 1).replace(/\s+\S*$/u, '')}…` : nfc;
}
