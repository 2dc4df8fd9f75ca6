import { closingStart, openTailStart } from './insert';
import type { CheckContext } from './check';
import type { Heading, NumberedLine } from './parse';
import type { Section } from './outline';
import type { Finding, Fix } from './types';

/**
 * Checks whose findings follow from the report's outline alone: its headings and sections, the
 * numbered lines between them, how they pair with the template's, the template and the options —
 * plus the text of the headings they quote and of the places they cover or insert at. Typing in
 * prose, or in a heading's title without changing how it pairs, changes none of that for most of
 * them; their findings then only move with the text after the edit, and are moved rather than
 * found again.
 */
export const STRUCTURAL_CHECKS: ReadonlySet<string> = new Set(['missing-section', 'section-order', 'section-level', 'section-title', 'duplicate-section', 'numbering', 'heading-not-marked']);

/**
 * What changed between two parsed texts: [from, oldEnd) of the text of parse `fromGeneration`
 * became [from, oldEnd + delta). (A number, not the old text: a 300-page report's last version
 * would otherwise stay alive between keystrokes.)
 */
export interface TextChange {
  fromGeneration: number;
  from: number;
  oldEnd: number;
  delta: number;
}

/** The structural findings of one check, and what they were found from. */
export interface StructureMemo {
  ctx: CheckContext;
  /** The `ParseCache` generation of `ctx.doc`. */
  generation: number;
  optionsKey: string;
  lineBreak: string;
  /** By check code, in the order the check gave them (code and level set). */
  findings: Map<string, Finding[]>;
  /** By check code: where the headings its messages quote are (`collectQuotes`): [offset, end]. */
  quoted: Map<string, Array<[number, number]>>;
}

/** One check's findings moved to the new text, and the headings they quote. */
export interface MovedCheck {
  findings: Finding[];
  quoted: Array<[number, number]>;
}

/**
 * `insert.ts` reads the text this far around an insertion (its Unicode form, the line breaks
 * before it): an edit nearer than that may change the fix.
 */
const FIX_READS_AROUND = 200;

/** Offsets inside `data` (the rest of it is titles, numbers and ids). */
const DATA_OFFSETS = ['insertAt'] as const;

/**
 * The structural findings of `memo` moved to `ctx`'s text, by check code, for every check whose
 * findings `change` cannot have changed; the others are left out (to be found again). Nothing when
 * the outline, the numbered lines, the pairing with the template, the template, the options or
 * the line breaks differ beyond the move. A check is left out when the edit touches a heading it
 * quotes or a place one of its findings, related places or fixes covers or reads.
 */
export function reuseStructure(memo: StructureMemo, ctx: CheckContext, change: TextChange, optionsKey: string, lineBreak: string): Map<string, MovedCheck> | undefined {
  const before = memo.ctx;
  if (memo.generation !== change.fromGeneration || before.template !== ctx.template || memo.optionsKey !== optionsKey || memo.lineBreak !== lineBreak) return undefined;
  const { from, oldEnd, delta } = change;
  /** Where an old offset is now; -1 when the edit touches it (ends included). */
  const move = (p: number) => (p < from ? p : p > oldEnd ? p + delta : -1);
  const touches = (offset: number, end: number) => from <= end && oldEnd >= offset;
  const retitled = sameOutline(before, ctx, move, change, touches);
  if (retitled === undefined) return undefined;
  // A title typed in may pair its section otherwise: then nothing is moved.
  if (retitled && !samePairs(before, ctx)) return undefined;
  const out = new Map<string, MovedCheck>();
  next: for (const [code, findings] of memo.findings) {
    const quoted = memo.quoted.get(code) ?? [];
    if (quoted.some(([offset, end]) => touches(offset, end))) continue;
    const moved: Finding[] = [];
    for (const f of findings) {
      const g = movedFinding(f, move, from, oldEnd);
      if (!g) continue next;
      moved.push(g);
    }
    out.set(code, { findings: moved, quoted: quoted.map(([offset, end]) => [move(offset), move(end)]) });
  }
  return out;
}

/**
 * Are the outlines alike but for the move? Undefined when not; true when they are but a heading
 * the edit falls in has another title; false when nothing but positions moved.
 */
function sameOutline(a: CheckContext, b: CheckContext, move: (p: number) => number, change: TextChange, touches: (offset: number, end: number) => boolean): boolean | undefined {
  const fa = a.doc.frontMatter;
  const fb = b.doc.frontMatter;
  if (fa || fb) {
    if (!fa || !fb || move(fa.offset) !== fb.offset || move(fa.end) !== fb.end) return undefined;
  }
  let retitled = false;
  const same = (x: Heading, y: Heading) => {
    if (sameHeading(x, y, move)) return true;
    if (!touches(x.offset, x.end) || !sameRetitled(x, y, change)) return false;
    retitled = true;
    return true;
  };
  for (const key of ['title', 'subtitle'] as const) {
    const ta = a.outline[key];
    const tb = b.outline[key];
    if ((ta || tb) && (!ta || !tb || !same(ta, tb))) return undefined;
  }
  if (a.outline.topDepth !== b.outline.topDepth || a.outline.all.length !== b.outline.all.length) return undefined;
  for (let i = 0; i < a.outline.all.length; i++) {
    const x = a.outline.all[i]!;
    const y = b.outline.all[i]!;
    if (!sameSection(x, y, move) || !same(x.heading, y.heading)) return undefined;
  }
  // A block left open at the end decides where missing sections go (`outsideOpenBlock`).
  const oa = openTailStart(a);
  const ob = openTailStart(b);
  if ((oa < 0 ? oa : move(oa)) !== ob) return undefined;
  // So does the closing block (recipients, signature): missing sections go before it.
  const ca = closingStart(a);
  const cb = closingStart(b);
  if ((ca < 0 ? ca : move(ca)) !== cb) return undefined;
  const la = a.doc.numberedLines;
  const lb = b.doc.numberedLines;
  if (la.length !== lb.length) return undefined;
  for (let i = 0; i < la.length; i++) if (!sameLine(la[i]!, lb[i]!, move)) return undefined;
  return retitled;
}

/**
 * The same heading with its title edited: the edit lies within its title text (after the marker,
 * on its one line), and its depth, number, marking and "(nếu có)" are as they were.
 */
function sameRetitled(a: Heading, b: Heading, change: TextChange): boolean {
  return !a.setext && !b.setext && a.textOffset <= change.from && change.oldEnd <= a.textEnd &&
    a.offset === b.offset && a.textOffset === b.textOffset && a.end + change.delta === b.end && a.textEnd + change.delta === b.textEnd &&
    a.depth === b.depth && a.marked === b.marked && a.optional === b.optional && a.numbering?.text === b.numbering?.text;
}

/** The same template sections paired with the same report sections (by index), as exactly. */
function samePairs(a: CheckContext, b: CheckContext): boolean {
  const pa = a.alignment?.pairs;
  const pb = b.alignment?.pairs;
  if (!pa || !pb) return pa === pb;
  if (pa.size !== pb.size) return false;
  for (const [expected, pair] of pa) {
    const other = pb.get(expected);
    if (!other || other.actual.index !== pair.actual.index || other.exact !== pair.exact) return false;
  }
  return true;
}

/** The section around its heading (compared apart): level, parent, extent. */
function sameSection(a: Section, b: Section, move: (p: number) => number): boolean {
  return a.level === b.level && (a.parent?.index ?? -1) === (b.parent?.index ?? -1) && a.optional === b.optional &&
    move(a.end) === b.end && move(a.bodyOffset) === b.bodyOffset;
}

function sameHeading(a: Heading, b: Heading, move: (p: number) => number): boolean {
  return a.depth === b.depth && a.text === b.text && a.marked === b.marked && a.runIn === b.runIn && a.setext === b.setext && a.optional === b.optional &&
    a.numbering?.text === b.numbering?.text && move(a.offset) === b.offset && move(a.end) === b.end &&
    move(a.textOffset) === b.textOffset && move(a.textEnd) === b.textEnd;
}

function sameLine(a: NumberedLine, b: NumberedLine, move: (p: number) => number): boolean {
  return a.text === b.text && a.numbering.text === b.numbering.text && a.emphasised === b.emphasised &&
    move(a.offset) === b.offset && move(a.end) === b.end && move(a.textOffset) === b.textOffset;
}

function movedFinding(f: Finding, move: (p: number) => number, from: number, oldEnd: number): Finding | undefined {
  const offset = move(f.offset);
  const end = move(f.offset + f.length);
  if (offset < 0 || end < 0) return undefined;
  const near = (p: number) => from <= p + FIX_READS_AROUND && oldEnd >= p - FIX_READS_AROUND;
  // Only the keys the finding has: a moved finding equals a fresh one, absent keys included.
  const g: Finding = { ...f, offset, length: end - offset };
  if (f.related) {
    const out = [];
    for (const r of f.related) {
      if (r.location) {
        out.push(r);
        continue;
      }
      const ro = move(r.offset);
      const re = move(r.offset + r.length);
      if (ro < 0 || re < 0) return undefined;
      out.push({ ...r, offset: ro, length: re - ro });
    }
    g.related = out;
  }
  if (f.fixes) {
    const out = [];
    for (const fix of f.fixes) {
      const edits: Fix[] = [];
      for (const e of fix.edits) {
        const eo = move(e.offset);
        const ee = move(e.offset + e.length);
        if (eo < 0 || ee < 0 || near(e.offset)) return undefined;
        edits.push({ ...e, offset: eo, length: ee - eo });
      }
      out.push({ ...fix, edits });
    }
    g.fixes = out;
  }
  if (f.data) {
    for (const key of DATA_OFFSETS) {
      const p = f.data[key];
      if (typeof p !== 'number') continue;
      const q = move(p);
      if (q < 0 || near(p)) return undefined;
      g.data = { ...g.data, [key]: q };
    }
  }
  return g;
}
