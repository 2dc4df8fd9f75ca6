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
 */
export function perChunk(ctx: CheckContext, key: string, find: (chunk: ParsedChunk) => Draft[], skip?: (summary: ChunkSummary) => boolean): Draft[] {
  const out: Draft[] = [];
  const slot = memoSlot(key);
  for (const chunk of ctx.doc.chunks) {
    // A 300-page report has thousands of chunks, most with nothing to find: passed over at once.
    if (skip?.(chunk.summary)) continue;
    const memo = (chunk.summary.memo ??= []);
    let drafts = memo[slot] as Draft[] | undefined;
    if (!drafts) memo[slot] = drafts = find(chunk);
    const at = chunk.offset;
    for (const d of drafts) out.push(d.fixes ? { ...d, offset: at + d.offset, fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, offset: at + e.offset })) })) } : { ...d, offset: at + d.offset });
  }
  return out;
}

/** The start of `text` for a message, in NFC (a cut in NFD could part a letter from its marks), cut between words. */
export function excerpt(text: string, max = 40): string {
  const nfc = text.normalize('NFC');
  return nfc.length > max ? `${nfc.slice(0, max + 1).replace(/\s+\S*$/u, '')}…` : nfc;
}
