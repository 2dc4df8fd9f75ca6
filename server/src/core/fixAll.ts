import type { Fix, Finding } from './types';

/**
 * Edits in the coordinates of the original text, composed as fixes are applied one after another
 * to a changing text: a later insert inside an earlier insert extends it, so the result is a set
 * of non-overlapping edits of the original — one undo step in an editor.
 */
export class EditComposer {
  /** Non-overlapping, sorted by original offset. */
  readonly edits: Fix[] = [];

  /** Applies `edit`, given in coordinates of the current (already edited) text. */
  apply(edit: Fix): void {
    let delta = 0;
    for (let i = 0; i <= this.edits.length; i++) {
      const prev = this.edits[i];
      const curStart = prev ? prev.offset + delta : Infinity;
      const curEnd = prev ? curStart + prev.text.length : Infinity;
      if (edit.offset + edit.length <= curStart && edit.offset < curStart) {
        // Wholly in original text before `prev` (and after the edits already passed).
        this.edits.splice(i, 0, { offset: edit.offset - delta, length: edit.length, text: edit.text });
        return;
      }
      if (prev && edit.offset >= curStart && edit.offset + edit.length <= curEnd) {
        // Inside an earlier edit's new text: rewrite that text.
        const at = edit.offset - curStart;
        prev.text = prev.text.slice(0, at) + edit.text + prev.text.slice(at + edit.length);
        return;
      }
      if (prev && edit.offset < curEnd) {
        throw new Error('overlapping fix');
      }
      if (prev) delta += prev.text.length - prev.length;
    }
  }
}

/** Applies edits (original coordinates, non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly Fix[]): string {
  let out = '';
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    out += text.slice(pos, e.offset) + e.text;
    pos = e.offset + e.length;
  }
  return out + text.slice(pos);
}

/** Codes whose preferred fixes are safe to apply unasked (on save): they only insert text. */
export const FIX_ALL_CODES = ['joined-paragraph', 'heading-not-marked', 'missing-section'] as const;

/**
 * Codes whose fixes do not depend on one another (a blank line between two lines, a block's
 * indent, the `#` of each title found), applied all in one step: a report pasted from Word has
 * hundreds. Titles go together too so that fix-all marks what the check reported: the titles of a
 * report without headings are read as such (`unmarked.ts`), and once one is marked the others no
 * longer would be; a title found only after others are marked is marked at the next step.
 */
const FIXED_TOGETHER: ReadonlySet<string> = new Set(['joined-paragraph', 'indented-code', 'heading-not-marked']);

/** Whether the line holding `offset` comes right after a block quote's line (`> …`). */
function afterQuoteLine(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  if (lineStart === 0) return false;
  const before = text.slice(0, lineStart).replace(/(\r\n|\n|\r)$/, '');
  const previous = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1);
  return /^ {0,3}>/.test(previous);
}

/**
 * Fix-all: applies the preferred fix of the first fixable finding, checks again, and repeats, so
 * each insertion sees the ones before it (numbers, places). Returns edits of the original text, and
 * `left`: the findings of `codes` still there at the end with no fix to apply unasked (a missing
 * section whose number a section of the report already has: the author chooses).
 * `checkText` should check with `insertOnly` set, so no fix rewrites the author's numbers. `codes`:
 * the codes fixed, in this order: `FIX_ALL_CODES` (insert-only, safe on save) unless the user asked
 * for more (the fix-report command adds `indented-code`, whose fix removes indents, and asks for
 * `whitespace`: see below).
 */
export function fixAll(text: string, checkText: (text: string) => Finding[], maxSteps = 200, codes: readonly string[] = FIX_ALL_CODES, options: { whitespace?: boolean } = {}): { text: string; edits: Fix[]; applied: Finding[]; left: Finding[] } {
  const composer = new EditComposer();
  const applied: Finding[] = [];
  let current = text;
  // A finding that comes back after its fix was applied (same code, same words) would be fixed again
  // and again, growing the report up to `maxSteps`. A finding is applied at most as many times as
  // it was ever seen at once (two equal lines are two findings), then left.
  const keyOf = (f: Finding) => `${f.code}\u0000${f.message.en}`;
  const seenAtOnce = new Map<string, number>();
  const appliedTimes = new Map<string, number>();
  // The preferred fix; with `whitespace` (the fix-report command, which removes indents), else one
  // that only changes spaces, tabs and line breaks (a joined line indented as code: blank line, no
  // indent) — not on a line under a block quote's, which it would take out of the quote.
  const blank = (e: Fix) => !current.slice(e.offset, e.offset + e.length).trim() && !e.text.trim() && !afterQuoteLine(current, e.offset);
  const chosen = (f: Finding) => f.fixes?.find((x) => x.preferred) ?? (options.whitespace ? f.fixes?.find((x) => x.edits.every(blank)) : undefined);
  const fixable = (f: Finding) => chosen(f) !== undefined && (appliedTimes.get(keyOf(f)) ?? 0) < (seenAtOnce.get(keyOf(f)) ?? 0);
  let left: Finding[] = [];
  for (let step = 0; step < maxSteps; step++) {
    const findings = checkText(current);
    const counts = new Map<string, number>();
    for (const f of findings) if (codes.includes(f.code)) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
    for (const [k, c] of counts) if (c > (seenAtOnce.get(k) ?? 0)) seenAtOnce.set(k, c);
    const next = codes.map((code) => findings.find((f) => f.code === code && fixable(f))).find(Boolean);
    if (!next) {
      left = findings.filter((f) => codes.includes(f.code));
      break;
    }
    const batch = FIXED_TOGETHER.has(next.code) ? findings.filter((f) => f.code === next.code && fixable(f)) : [next];
    for (const f of batch) appliedTimes.set(keyOf(f), (appliedTimes.get(keyOf(f)) ?? 0) + 1);
    const edits = batch.flatMap((f) => chosen(f)!.edits);
    // Apply the edits back to front so their offsets stay valid.
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) composer.apply(e);
    current = applyEdits(current, edits);
    applied.push(...batch);
  }
  return { text: current, edits: composer.edits, applied, left };
}
