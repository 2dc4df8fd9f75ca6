import type { Check, CheckContext, Draft } from '../check';
import { sameNumber, type Numbering } from '../numbering';
import type { Section } from '../outline';
import { quote } from '../check';
import { expectedLabel, family, isPrefix, numberRange, numberingRuns, renumberEdits } from '../renumber';
import { countBefore } from '../parse';
import { repeatedSections } from './duplicate-section';

export const numbering: Check = {
  code: 'numbering',
  defaultLevel: 'warning',
  fixable: true,
  title: { vi: 'Đánh số mục không liền mạch', en: 'Broken section numbering' },
  run(ctx) {
    const out: Draft[] = [];
    const headingAt = new Set(ctx.outline.all.map((o) => o.heading.offset));
    const lines = ctx.doc.numberedLines.filter((l) => !headingAt.has(l.offset));
    const pasted = repeatedSections(ctx.outline);
    const runs = numberingRuns(ctx.outline.roots, ctx.outline.all);
    // A subsection at a wrong level, numbered in its own style (`## 2.` among `## I.`, `## II.`),
    // or a section alone at a level the outline does not give it (`### III.` under `## II.`), is
    // `section-level`'s: it takes no place in its new siblings' count — renumbering it there
    // (“III.” → “I.”) would contradict that finding. It counts, where it stands, among the
    // sections of the level the outline gives it: `## II.`, `### III.`, `## IV.` is no skip.
    /** Sections that count, where they stand, among the siblings of another level: that level. */
    const movedTo = new Map<Section, number>();
    for (const whole of runs) {
      for (const s of whole.sections) {
        const pair = ctx.alignment?.byActual.get(s);
        if (pair && (family(s.heading.numbering!.style) !== family(whole.style) || whole.sections.length === 1) && pair.expected.level !== s.level) movedTo.set(s, pair.expected.level);
      }
    }
    const kept = runs.map((whole) => (whole.sections.some((s) => movedTo.has(s)) ? { ...whole, sections: whole.sections.filter((s) => !movedTo.has(s)) } : whole));
    // A lone first child numbered as its parent's next sibling (see `nextOfParent`) counts among
    // its parent's siblings too: `### 1.`, `#### 2.`, `### 3.` is no skip.
    const levelSlips = new Map<Section, Draft>();
    for (const { sections } of kept) {
      const slip = sections.length === 1 ? nextOfParent(ctx, sections[0]!) : undefined;
      if (slip) {
        levelSlips.set(sections[0]!, slip);
        movedTo.set(sections[0]!, sections[0]!.parent!.level);
      }
    }
    const strayList = [...movedTo.keys()].sort((a, b) => a.heading.offset - b.heading.offset);
    const strayHeadings = strayList.map((t) => t.heading);
    for (const run of kept) {
      if (!run.sections.length) continue;
      const slip = levelSlips.get(run.sections[0]!);
      if (slip) {
        out.push(slip);
        continue;
      }
      let previous = 0;
      const seen = new Set<number>();
      let edits: ReturnType<typeof renumberEdits> | undefined;
      run.sections.forEach((s, i) => {
        const n = s.heading.numbering!;
        // Numbered prose items between siblings ("a. Hình thức tổ chức: Tùy theo …") keep the count.
        const from = i > 0 ? run.sections[i - 1]!.heading.end : s.parent ? s.parent.heading.end : 0;
        for (let j = countBefore(lines, from); j < lines.length && lines[j]!.offset < s.heading.offset; j++) {
          const line = lines[j]!;
          if (family(line.numbering.style) === family(n.style) && line.numbering.value === previous + 1) previous++;
        }
        for (let j = countBefore(strayHeadings, from); j < strayList.length && strayList[j]!.heading.offset < s.heading.offset; j++) {
          const t = strayList[j]!;
          const m = t.heading.numbering!;
          if (movedTo.get(t) === s.level && family(m.style) === family(n.style) && m.value === previous + 1) {
            previous++;
            seen.add(m.value);
          }
        }
        const prefixOk = n.style !== 'decimal' || !run.prefix || isPrefix(run.prefix, n.parts!);
        // A section pasted twice is `duplicate-section`'s finding; its number is not the slip, and
        // renumbering would make the copy stay.
        if (pasted.has(s)) {
          previous = n.value;
          seen.add(n.value);
          return;
        }
        // Style, not family: "Phần thứ hai" among "Phần I", "Phần III" is a mixed style too.
        const styleOk = n.style === run.style;
        // A number that follows the previous one is fine even after a slip: one slip, one finding.
        const follows = n.value > 0 && n.value === previous + 1;
        const repeats = seen.has(n.value);
        previous = n.value;
        seen.add(n.value);
        const expected = expectedLabel(run, i);
        // The very number its place gives it is right, whatever came before: after "I. II. IV."
        // the next "IV." repeats a slip, it is not one. (Numbered prose counted in may also be a
        // list of the previous section: "3. Kết quả tại bản …" under "2." before the heading "3.")
        if (styleOk && expected === n.text) return;
        if (styleOk && prefixOk && !repeats && follows) return;
        // A gap of just the sections the outline has between this one and the one before and the
        // report leaves out ("VI." then "VIII." where the outline's next one is missing): the
        // missing section is the slip, reported once; inserting it closes the gap.
        const before = run.sections[i - 1];
        if (styleOk && prefixOk && !repeats && before && n.value - before.heading.numbering!.value === 1 + missingBetween(ctx, before, s)) return;
        // The number the outline gives this section, in a run broken by a section missing, moved
        // or at another level, which the outline checks report: renumbering would undo it.
        // Only while the run keeps the outline's numbers: after "I- II- IV- V-" renumbered to close
        // the gap of a missing III, a "VII-" after "V-" is a skip of the author's own run.
        const pair = ctx.alignment?.byActual.get(s);
        if (pair && sameAsOutline(n, pair.expected.heading.numbering) && keepsOutlineNumber(ctx, run.sections[i - 1]) && (styleOk ? explained(ctx, run.sections, i, pair.expected) : misplaced(ctx, s, pair.expected))) return;
        const why = !styleOk
          ? { vi: 'khác kiểu đánh số của các mục cùng cấp', en: 'is in another numbering style than its siblings' }
          : !prefixOk
            ? { vi: 'không khớp số của mục cha', en: 'does not match its parent’s number' }
            : repeats
              ? { vi: 'trùng số với một mục trước', en: 'repeats an earlier number' }
              : { vi: 'không liền sau số trước', en: 'does not follow the previous number' };
        const range = numberRange(ctx.text, s.heading) ?? [s.heading.textOffset, s.heading.textEnd];
        edits ??= renumberEdits(ctx.text, run);
        out.push({
          offset: range[0],
          length: range[1] - range[0],
          message: {
            vi: `Số thứ tự “${n.text}” ${why.vi}; cần sửa thành “${expected}”.`,
            en: `Section number “${n.text}” ${why.en}; expected “${expected}”.`,
          },
          related: i > 0 ? [{ offset: run.sections[i - 1]!.heading.offset, length: run.sections[i - 1]!.heading.end - run.sections[i - 1]!.heading.offset, message: { vi: `Mục trước: ${quote(run.sections[i - 1]!)}`, en: `Previous section: ${quote(run.sections[i - 1]!)}` } }] : undefined,
          data: { expected },
          fixes: edits.length
            ? [{ title: { vi: `Đánh số lại ${run.sections.length} mục cùng cấp`, en: `Renumber the ${run.sections.length} sibling sections` }, edits, preferred: true }]
            : undefined,
        });
      });
    }
    return out;
  },
};

/**
 * The only numbered section of its run, the first child of its parent, numbered as the parent's
 * next sibling (`### 2. Nội dung` then `#### 3. Phương thức`): the slip is its level, not its
 * number. Said as such, with the heading one level up as the fix, rather than “3.” to be
 * renumbered “1.” — unless the parent's next sibling has that number already (then moving it up
 * would repeat it: it is a subsection numbered amiss).
 */
function nextOfParent(ctx: CheckContext, s: Section): Draft | undefined {
  const parent = s.parent;
  const n = s.heading.numbering!;
  const p = parent?.heading.numbering;
  if (!parent || !p || parent.children[0] !== s || p.style !== n.style || n.value !== p.value + 1) return undefined;
  const uncles = parent.parent ? parent.parent.children : ctx.outline.roots;
  const next = uncles[uncles.indexOf(parent) + 1];
  if (sameNumber(next?.heading.numbering, n)) return undefined;
  if (n.style === 'decimal' && (n.parts!.length !== p.parts!.length || n.parts!.slice(0, -1).join('.') !== p.parts!.slice(0, -1).join('.'))) return undefined;
  if (!s.heading.marked || s.heading.setext || s.heading.depth !== parent.heading.depth + 1 || !parent.heading.marked) return undefined;
  if (ctx.text.slice(s.heading.offset, s.heading.offset + s.heading.depth + 1) !== `${'#'.repeat(s.heading.depth)} `) return undefined;
  const marker = '#'.repeat(parent.heading.depth);
  return {
    offset: s.heading.offset,
    length: s.heading.depth,
    message: {
      vi: `Mục “${n.text}” có số liền sau mục “${p.text}” ở cấp trên: nếu là mục cùng cấp với “${p.text}”, hãy đổi tiêu đề “${'#'.repeat(s.heading.depth)}” thành “${marker}”.`,
      en: `Section “${n.text}” is numbered as the next of “${p.text}” one level up: if it is a sibling of “${p.text}”, make its “${'#'.repeat(s.heading.depth)}” heading “${marker}”.`,
    },
    related: [{ offset: parent.heading.offset, length: parent.heading.end - parent.heading.offset, message: { vi: `Mục cấp trên: ${quote(parent)}`, en: `The section above: ${quote(parent)}` } }],
    data: { level: parent.heading.depth },
    fixes: [{ title: { vi: `Đưa “${n.text}” lên cùng cấp với “${p.text}” (“${marker}”)`, en: `Move “${n.text}” up to the level of “${p.text}” (“${marker}”)` }, edits: [{ offset: s.heading.offset, length: s.heading.depth, text: marker }] }],
  };
}

/** Required outline sections between the ones `a` and `b` are paired with (siblings there) that the report leaves out; 0 when they are not siblings. */
function missingBetween(ctx: CheckContext, a: Section, b: Section): number {
  const pairs = ctx.alignment;
  const [ea, eb] = [pairs?.byActual.get(a)?.expected, pairs?.byActual.get(b)?.expected];
  if (!ea || !eb || ea.parent !== eb.parent) return 0;
  const siblings = ea.parent ? ea.parent.children : ctx.template!.outline.roots;
  const [from, to] = [siblings.indexOf(ea), siblings.indexOf(eb)];
  return from < to ? siblings.slice(from + 1, to).filter((o) => !o.optional && !pairs!.pairs.has(o) && o.heading.numbering).length : 0;
}

/** The section before in the run (if any) has the number the outline gives it. */
function keepsOutlineNumber(ctx: CheckContext, previous: Section | undefined): boolean {
  if (!previous) return true;
  const pair = ctx.alignment?.byActual.get(previous);
  return Boolean(pair && previous.heading.numbering && sameAsOutline(previous.heading.numbering, pair.expected.heading.numbering));
}

/** Same style and value (a decimal: all its parts) as the outline's number. */
function sameAsOutline(n: Numbering, outline: Numbering | undefined): boolean {
  if (!outline || outline.style !== n.style) return false;
  return n.style === 'decimal' ? outline.parts!.join('.') === n.parts!.join('.') : outline.value === n.value;
}

/**
 * Not where the outline puts it: at another level, or under another parent. A number in another
 * style than its siblings is then the outline's style for its real place ("c." moved up among "1.",
 * "2."), not a slip; among its outline siblings ("Phần thứ hai" after "Phần I.") it is one.
 */
function misplaced(ctx: CheckContext, actual: Section, expected: Section): boolean {
  if (actual.level !== expected.level) return true;
  const parent = expected.parent ? ctx.alignment!.pairs.get(expected.parent)?.actual : undefined;
  return parent !== actual.parent;
}

/**
 * Whether the run up to its i-th section differs from the outline's numbered siblings before
 * `expected` by what the outline checks report — the section itself misplaced, a required sibling
 * missing or moved, a section of another place or a later sibling among them — and not only by
 * optional sections left out (then the numbers should close up, and the finding stands).
 */
function explained(ctx: CheckContext, sections: readonly Section[], i: number, expected: Section): boolean {
  const alignment = ctx.alignment!;
  if (misplaced(ctx, sections[i]!, expected)) return true;
  const siblings = expected.parent ? expected.parent.children : ctx.template!.outline.roots;
  const outlineBefore = new Set(siblings.slice(0, siblings.indexOf(expected)).filter((o) => o.heading.numbering));
  const before = new Set(sections.slice(0, i));
  for (const o of outlineBefore) {
    const actual = alignment.pairs.get(o)?.actual;
    if (o.optional ? actual && !before.has(actual) : !actual || !before.has(actual)) return true;
  }
  for (const r of before) {
    const other = alignment.byActual.get(r)?.expected;
    if (other && !outlineBefore.has(other)) return true;
  }
  return false;
}

