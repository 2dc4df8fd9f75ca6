import type { CheckContext } from './check';
import type { Heading, NumberedLine } from './parse';
import type { Section } from './outline';
import type { Finding, Fix } from './types';
import { lineBreakOf } from './lines';

/**
 * Checks whose findings follow from the report's outline alone: its headings and sections, the
 * numbered lines between them, the template and the options — plus the text of the headings and
 * around the places their fixes insert at. Typing in prose changes none of that; their findings
 * then only move with the text after the edit, and are moved rather than found again.
 */
export const STRUCTURAL_CHECKS: ReadonlySet<string> = new Set(['missing-section', 'section-order', 'section-level', 'section-title', 'numbering', 'heading-not-marked']);

/** What changed between two checked texts: `old` [from, oldEnd) became [from, oldEnd + delta). */
export interface TextChange {
  old: string;
  from: number;
  oldEnd: number;
  delta: number;
}

/** The structural findings of one check, and what they were found from. */
export interface StructureMemo {
  ctx: CheckContext;
  optionsKey: string;
  lineBreak: string;
  /** By check code, in the order the check gave them (code and level set). */
  findings: Map<string, Finding[]>;
}

/**
 * `insert.ts` reads the text this far around an insertion (its Unicode form, the line breaks
 * before it): an edit nearer than that may change the fix.
 */
const FIX_READS_AROUND = 200;

/** Offsets inside `data` (the rest of it is titles, numbers and ids). */
const DATA_OFFSETS = ['insertAt'] as const;

/**
 * The structural findings of `memo` moved to `ctx`'s text, or undefined when `change` may have
 * changed any of them: a heading or numbered line added, removed or touched, another template,
 * other options or line breaks, or an edit at a place a finding or its fix covers or reads.
 */
export function reuseStructure(memo: StructureMemo, ctx: CheckContext, change: TextChange, optionsKey: string): Map<string, Finding[]> | undefined {
  const before = memo.ctx;
  if (before.text !== change.old || before.template !== ctx.template || memo.optionsKey !== optionsKey || memo.lineBreak !== lineBreakOf(ctx.text)) return undefined;
  const { from, oldEnd, delta } = change;
  /** Where an old offset is now; -1 when the edit touches it (ends included). */
  const move = (p: number) => (p < from ? p : p > oldEnd ? p + delta : -1);
  if (!sameOutline(before, ctx, move)) return undefined;
  const out = new Map<string, Finding[]>();
  for (const [code, findings] of memo.findings) {
    const moved: Finding[] = [];
    for (const f of findings) {
      const g = movedFinding(f, move, from, oldEnd);
      if (!g) return undefined;
      moved.push(g);
    }
    out.set(code, moved);
  }
  return out;
}

function sameOutline(a: CheckContext, b: CheckContext, move: (p: number) => number): boolean {
  const fa = a.doc.frontMatter;
  const fb = b.doc.frontMatter;
  if (fa || fb) {
    if (!fa || !fb || move(fa.offset) !== fb.offset || move(fa.end) !== fb.end) return false;
  }
  const ta = a.outline.title;
  const tb = b.outline.title;
  if ((ta || tb) && (!ta || !tb || !sameHeading(ta, tb, move))) return false;
  if (a.outline.topDepth !== b.outline.topDepth || a.outline.all.length !== b.outline.all.length) return false;
  for (let i = 0; i < a.outline.all.length; i++) if (!sameSection(a.outline.all[i]!, b.outline.all[i]!, move)) return false;
  const la = a.doc.numberedLines;
  const lb = b.doc.numberedLines;
  if (la.length !== lb.length) return false;
  for (let i = 0; i < la.length; i++) if (!sameLine(la[i]!, lb[i]!, move)) return false;
  return true;
}

function sameSection(a: Section, b: Section, move: (p: number) => number): boolean {
  return a.level === b.level && (a.parent?.index ?? -1) === (b.parent?.index ?? -1) && a.optional === b.optional &&
    move(a.end) === b.end && move(a.bodyOffset) === b.bodyOffset && sameHeading(a.heading, b.heading, move);
}

function sameHeading(a: Heading, b: Heading, move: (p: number) => number): boolean {
  return a.depth === b.depth && a.text === b.text && a.marked === b.marked && a.setext === b.setext && a.optional === b.optional &&
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
