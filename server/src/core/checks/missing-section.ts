import type { Check, CheckContext, Draft } from '../check';
import { headingRange, quotable, quote, readText } from '../check';
import { titleKeys } from '../normalize';
import type { Section } from '../outline';
import { bareTitle, insertSectionEdits, missingDescendants, outsideOpenBlock, pairedDescendants, previousInReport, retitleEdit, titleForReport, yearShiftOnce } from '../insert';
import { sameNumber, sameStyle } from '../numbering';
import { isPrefix, prefixOf } from '../renumber';

/**
 * Where the report's section paired with `expected` ends, with the subsections the outline puts
 * under it: one at a wrong level (`## 2. Nguyên nhân` under `## II.`) is still its content, so the
 * next section goes after it — up to `limit`, where the next sibling the outline names begins.
 */
function endOfPaired(ctx: CheckContext, expected: Section, actual: Section, limit: number): number {
  const pairs = ctx.alignment!.pairs;
  let end = actual.end;
  const visit = (s: Section) => {
    for (const c of s.children) {
      const a = pairs.get(c)?.actual;
      if (a && a.heading.offset > actual.heading.offset && a.end <= limit) end = Math.max(end, a.end);
      visit(c);
    }
  };
  visit(expected);
  return end;
}

/** `2.1.` under `2.`: its number says it is that section's own subsection. */
function numberedUnder(child: Section, parent: Section): boolean {
  const n = child.heading.numbering;
  const prefix = prefixOf(parent.heading.numbering);
  return n?.style === 'decimal' && prefix !== undefined && isPrefix(prefix, n.parts!);
}

/**
 * Where a missing section belongs: the heading it comes after, or its parent's heading; and, when
 * its subsections are there without it (its heading deleted), before the first of them.
 */
function place(ctx: CheckContext, expected: Section): { anchor?: Section; where: 'after' | 'under' | 'before'; insertAt: number } {
  const at = placeAmongSiblings(ctx, expected);
  // Between the heading it comes after (or its parent's) and the next sibling the report has, in
  // its parent: its subsections there are its own, under a section renamed in its place too.
  const pairs = ctx.alignment!.pairs;
  const from = at.where === 'before' || !at.anchor ? -1 : at.anchor.heading.offset;
  const siblings = expected.parent ? expected.parent.children : ctx.template!.outline.roots;
  const next = siblings.slice(siblings.indexOf(expected) + 1).map((s) => pairs.get(s)?.actual.heading.offset).find((o) => o !== undefined && o > from);
  const parentEnd = expected.parent ? pairs.get(expected.parent)?.actual.end : undefined;
  const to = Math.max(at.insertAt, Math.min(next ?? ctx.text.length, parentEnd ?? ctx.text.length));
  // Only those left directly in its parent, or in the section before it (its heading deleted) unless
  // numbered as that section's own (`2.1` under `2.`): under another section of the report they are
  // that section's content, which a heading would split.
  const parentActual = expected.parent ? pairs.get(expected.parent)?.actual : undefined;
  const orphans = pairedDescendants(ctx, expected)
    .filter((s) => s.parent === parentActual || (at.where === 'after' && at.anchor && s.parent === at.anchor && !numberedUnder(s, at.anchor)))
    .map((s) => s.heading.offset)
    .filter((o) => o > from && o < to);
  const insertAt = orphans.length ? Math.min(...orphans) : at.insertAt;
  // Not into a code block or comment the author left open at the end: it would swallow the heading.
  return { ...at, insertAt: outsideOpenBlock(ctx, insertAt) };
}

/**
 * Past the report's own sections that follow `after` numbered below the missing one (`II. CÁC HOẠT
 * ĐỘNG` after `I.`, where `V. TỔ CHỨC THỰC HIỆN` is missing): it goes after them, in the order of
 * the numbers, not between `I.` and `II.`.
 */
function pastLowerNumbered(ctx: CheckContext, expected: Section, after: Section, insertAt: number, limit: number): number {
  const n = expected.heading.numbering;
  if (!n?.value) return insertAt;
  const { byActual } = ctx.alignment!;
  const siblings = after.parent ? after.parent.children : ctx.outline.roots;
  for (const s of siblings.slice(siblings.indexOf(after) + 1)) {
    const m = s.heading.numbering;
    if (s.heading.offset !== insertAt || s.end > limit || byActual.has(s) || !m?.value || !sameStyle(m, n) || m.value >= n.value) break;
    insertAt = s.end;
  }
  return insertAt;
}

function placeAmongSiblings(ctx: CheckContext, expected: Section): { anchor?: Section; where: 'after' | 'under' | 'before'; insertAt: number } {
  const pairs = ctx.alignment!.pairs;
  const siblings = expected.parent ? expected.parent.children : ctx.template!.outline.roots;
  const at = siblings.indexOf(expected);
  const next = siblings.slice(at + 1).map((s) => pairs.get(s)).find(Boolean);
  const prev = previousInReport(ctx, expected);
  if (prev) {
    // Up to the next sibling the report has, even inside the previous one (`####` one level too deep).
    const limit = next && next.actual.heading.offset > prev.actual.heading.offset ? next.actual.heading.offset : ctx.text.length;
    const insertAt = Math.min(limit, endOfPaired(ctx, prev.outline, prev.actual, limit));
    return { anchor: prev.actual, where: 'after', insertAt: pastLowerNumbered(ctx, expected, prev.actual, insertAt, limit) };
  }
  const parent = expected.parent && pairs.get(expected.parent)?.actual;
  if (parent) return { anchor: parent, where: 'under', insertAt: next ? next.actual.heading.offset : parent.end };
  if (next) return { anchor: next.actual, where: 'before', insertAt: next.actual.heading.offset };
  return { where: 'after', insertAt: ctx.text.length };
}

/**
 * A report section in the missing one's place with its number but other words: between the
 * neighbours the outline puts around it, under the same parent, unpaired (`### 3. Tình hình thời
 * tiết` where `### 3. Khó khăn` belongs): the section renamed, or another put in its place. The
 * message names it, and renaming it is offered next to the insertion; neither is preferred, so
 * fix-all leaves it to the author rather than give the report two sections of one number.
 */
function renamedInPlace(ctx: CheckContext, expected: Section): Section | undefined {
  if (!expected.heading.numbering) return undefined;
  const { pairs, byActual } = ctx.alignment!;
  const siblings = expected.parent ? expected.parent.children : ctx.template!.outline.roots;
  const at = siblings.indexOf(expected);
  const before = siblings.slice(0, at).reverse().map((s) => pairs.get(s)).find(Boolean)?.actual;
  const after = siblings.slice(at + 1).map((s) => pairs.get(s)).find(Boolean)?.actual;
  const parent = expected.parent ? pairs.get(expected.parent)?.actual : undefined;
  const pool = parent ? parent.children : ctx.outline.roots;
  return pool.find((s) => !byActual.has(s)
    && sameNumber(s.heading.numbering, expected.heading.numbering)
    && (!before || s.heading.offset > before.heading.offset)
    && (!after || s.heading.offset < after.heading.offset));
}

/**
 * A line led by a label: bold or italic (in a list item or not, `- **Công tác thông tin, tuyên
 * truyền:** …`, `*Công tác …:* …`), or plain before a colon in a list item (`- Củng cố, kiện toàn
 * tổ chức: Hiệp thương …`). Group 2 or 3 is the label.
 */
const LABEL = /^[ \t]*(?:(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+)?(\*\*|__|\*|_)(?![\s*_])([^\n]{3,300}?)\1|[-+][ \t]+([^\n:*_]{3,200}):)/gmu;

/**
 * A label (see `LABEL`) with the missing subsection's title under its parent's match: the author
 * wrote the sub-item as a labelled bullet or paragraph (`- **Công tác thông tin, tuyên truyền:** …`) rather
 * than a heading. Inserting an empty heading beside it would give the report the section twice:
 * the message says where it is, and fix-all leaves it. The parent's body is read (a label typed
 * or changed there changes the finding); a top section, whose place is the whole report, is not
 * looked for so (a keystroke anywhere would find it again).
 */
function labelledInPlace(ctx: CheckContext, expected: Section): { offset: number; end: number; label: string } | undefined {
  const key = expected.heading.keys.core;
  const parent = expected.parent ? ctx.alignment!.pairs.get(expected.parent)?.actual : undefined;
  if (!key || !parent) return undefined;
  const from = parent.bodyOffset;
  const to = parent.end;
  readText({ offset: from, end: to });
  const region = ctx.text.slice(from, to);
  const headings = new Set(ctx.outline.all.map((s) => s.heading.offset));
  for (const m of region.matchAll(LABEL)) {
    const raw = m[2] ?? m[3]!;
    const label = raw.replace(/[\s:：.]+$/u, '');
    const keys = titleKeys(label);
    if (keys.core !== key && keys.full !== expected.heading.keys.full) continue;
    if (headings.has(from + m.index!)) continue;
    // The label's own text (between its marks, or before its colon).
    const offset = from + m.index! + m[0].length - (m[2] ? m[1]!.length + raw.length : raw.length + 1);
    return { offset, end: offset + raw.length, label };
  }
  return undefined;
}

/**
 * A report section that merges the missing one with its neighbour in the outline: `2. Thuận lợi,
 * khó khăn` for the outline's `2. Thuận lợi` and `3. Khó khăn`; `1. Hạn chế, khuyết điểm và nguyên
 * nhân` for `1. Hạn chế, khuyết điểm` and `2. Nguyên nhân của hạn chế, khuyết điểm`; `1. Công tác
 * triển khai; thuận lợi, khó khăn` for three (the neighbour is the nearest sibling the report has,
 * those between missing and merged too). Each part of the neighbour's title, and each part of what
 * the missing titles say beyond it, starts a part of its title — at its start or after a comma,
 * `và`, a dash (the words that join, `của`, `về` …, aside): `Kiến nghị, đề xuất khắc phục hạn chế,
 * yếu kém` has the words of `Hạn chế, yếu kém` but merges nothing. Only a section without required subsections
 * (those would go unchecked). The neighbours' headings are read, so that typing the words in or
 * out re-checks.
 */
export function mergedInto(ctx: CheckContext, expected: Section): Section | undefined {
  if (expected.children.some((c) => !c.optional)) return undefined;
  const siblings = expected.parent ? expected.parent.children : ctx.template!.outline.roots;
  const at = siblings.indexOf(expected);
  for (const step of [-1, 1]) {
    let i = at + step;
    const between: Section[] = [];
    while (siblings[i] && !ctx.alignment!.pairs.has(siblings[i]!)) between.push(siblings[i]!), (i += step);
    const neighbour = siblings[i];
    const actual = neighbour && ctx.alignment!.pairs.get(neighbour)!.actual;
    if (!actual) continue;
    readText(actual.heading);
    const own = titleWords(bareTitle(neighbour));
    const written = titleWords(actual.heading.text.slice(actual.heading.numbering?.length ?? 0));
    const ownSet = new Set(own);
    // The neighbour's parts are parts of it; so is what the missing ones say beyond them.
    const beyond = [expected, ...between].map((s) => partsOf(titleWords(bareTitle(s)).filter((w) => w === PART || !ownSet.has(w))));
    if (partsOf(own).every((part) => standsAsPart(written, part)) && beyond.every((parts) => parts.length && parts.every((part) => standsAsPart(written, part)))) return actual;
  }
  return undefined;
}

/** Where a title's parts meet: a comma, semicolon, colon, dash or `và`. */
const PART = '|';

/** Words that join the parts of a title rather than name its subject: a merged title adds or drops them. */
const JOINING = new Set(['của', 'về', 'với', 'các', 'những', 'trong', 'cho']);

/** A title's words in order (lower case, NFC), the joining ones left out, `PART` where its parts meet. */
function titleWords(title: string): string[] {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[,;:–—]|\s-\s|(?:^|\s)và(?=\s|$)/gu, ` ${PART} `)
    .replace(/[^\p{L}\p{N}|\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !JOINING.has(w));
}

/** The runs of words between part marks, none empty. */
function partsOf(words: readonly string[]): string[][] {
  const parts: string[][] = [[]];
  for (const w of words) if (w === PART) parts.push([]);
  else parts[parts.length - 1]!.push(w);
  return parts.filter((p) => p.length);
}

/** `run` starts a part of `title`: at its start or right after a part mark. */
function standsAsPart(title: readonly string[], run: readonly string[]): boolean {
  for (let k = 0; k + run.length <= title.length; k++) {
    if (k > 0 && title[k - 1] !== PART) continue;
    if (run.every((w, j) => title[k + j] === w)) return true;
  }
  return false;
}

export const missingSection: Check = {
  code: 'missing-section',
  defaultLevel: 'error',
  fixable: true,
  title: { vi: 'Thiếu mục bắt buộc của đề cương', en: 'Required section of the outline is missing' },
  run(ctx) {
    if (!ctx.template || !ctx.alignment) return [];
    const pairs = ctx.alignment.pairs;
    const out: Draft[] = [];
    const shift = yearShiftOnce(ctx);
    for (const expected of ctx.template.outline.all) {
      if (expected.optional || pairs.has(expected)) continue;
      // A missing parent is reported once, with its children; an optional missing parent excuses them.
      if (expected.parent && !pairs.has(expected.parent)) continue;
      if (mergedInto(ctx, expected)) continue;
      const { anchor, where: relation, insertAt } = place(ctx, expected);
      // Subsections the report has (its heading deleted, or under a renamed one) are not missing.
      const children = missingDescendants(ctx, expected).length;
      const withChildren = children ? { vi: ` (cùng ${children} mục con)`, en: ` (with ${children} subsection${children > 1 ? 's' : ''})` } : { vi: '', en: '' };
      const where = !anchor
        ? { vi: '', en: '' }
        : relation === 'after'
          ? { vi: `; theo đề cương, mục này đứng sau ${quote(anchor)}`, en: `; the outline puts it after ${quote(anchor)}` }
          : relation === 'under'
            ? { vi: `; theo đề cương, mục này thuộc ${quote(anchor)}`, en: `; the outline puts it under ${quote(anchor)}` }
            : { vi: `; theo đề cương, mục này đứng trước ${quote(anchor)}`, en: `; the outline puts it before ${quote(anchor)}` };
      // The first section of a titled report belongs under the title rather than on the next heading.
      const heading = ctx.outline.subtitle ?? ctx.outline.title;
      const target = relation === 'before' && heading ? heading : anchor ?? heading;
      const range = target
        ? 'heading' in target ? headingRange(target) : { offset: target.offset, length: target.end - target.offset }
        : { offset: ctx.doc.frontMatter?.end ?? 0, length: 0 };
      const renamed = renamedInPlace(ctx, expected);
      const labelled = renamed ? undefined : labelledInPlace(ctx, expected);
      // The outline's title with the report's years ("… NĂM 2021" in a report for 2023).
      const years = shift();
      const title = titleForReport(expected.heading.text, years);
      // Where the report numbers its sections otherwise than the outline (an extra section shifted
      // them), the outline's number would read as the report's ("Missing “VI. …” after “VI. …”"):
      // the title alone, with the outline's number said to be the outline's.
      const anchorPair = anchor && ctx.alignment.byActual.get(anchor);
      const shifted = Boolean(expected.heading.numbering && anchorPair && anchor.heading.numbering && anchorPair.expected.heading.numbering && !sameNumber(anchor.heading.numbering, anchorPair.expected.heading.numbering));
      // The number without its own full stop inside the sentence: “(mục V trong đề cương)”.
      const outlineNumber = expected.heading.numbering?.text.replace(/[\s.:)\/-]+$/, '');
      const named = shifted
        ? { vi: `“${titleForReport(bareTitle(expected), years)}” (mục ${outlineNumber} trong đề cương)`, en: `“${titleForReport(bareTitle(expected), years)}” (numbered ${outlineNumber} in the outline)` }
        : { vi: `“${title}”`, en: `“${title}”` };
      const placed: { collides?: boolean } = {};
      const edits = insertSectionEdits(ctx, expected, insertAt, ctx.options.insertGuidance ?? true, placed);
      // Named as it goes in — with the report's number (“III.” where the outline says “V.”), as
      // this fix alone inserts it — not as the outline numbers it.
      const inserted = /^#{1,6} (.+?)\r?$/m.exec(edits[0]?.text ?? '')?.[1]?.normalize('NFC') ?? title;
      // With a section of the same number in its place (the author may have renamed it), or, insert-
      // only, a sibling after it that has its number, inserting would give the report two of that
      // number: the author chooses (the quick fix renumbers the siblings), fix-all leaves it.
      const insert = {
        title: { vi: `Chèn mục “${inserted}”`, en: `Insert section “${inserted}”` },
        edits,
        preferred: !renamed && !labelled && !placed.collides,
      };
      const retitle = renamed && retitleEdit(ctx.text, renamed, bareTitle(expected));
      // The new name as the heading will read, its number kept: “II. CÁC HOẠT ĐỘNG …” → “II. NỘI DUNG”.
      const newName = `${renamed?.heading.numbering ? `${renamed.heading.numbering.text} ` : ''}${bareTitle(expected)}`;
      out.push({
        ...range,
        message: {
          vi: `Thiếu mục ${named.vi}${withChildren.vi}${where.vi}.${renamed ? ` Ở đúng vị trí này đang có mục ${quote(renamed)} cùng số thứ tự: nếu đó chính là mục này nhưng đặt tên khác, hãy sửa theo tên trong đề cương.` : ''}${labelled ? ` Nội dung mục này đang được viết dưới nhãn “${quotable(labelled.label)}”: hãy chuyển dòng đó thành tiêu đề mục (có số thứ tự) thay vì chèn thêm một mục trống.` : ''}`,
          en: `Missing section ${named.en}${withChildren.en}${where.en}.${renamed ? ` ${quote(renamed)} stands in its place with the same number: if it is this section under another title, use the outline’s title.` : ''}${labelled ? ` It is written under the label “${quotable(labelled.label)}”: make that line the section’s (numbered) heading rather than insert an empty one.` : ''}`,
        },
        data: { section: expected.index, title: expected.heading.text, level: expected.level, insertAt, template: ctx.template.id },
        ...(renamed ? { related: [{ offset: renamed.heading.textOffset, length: renamed.heading.textEnd - renamed.heading.textOffset, message: { vi: 'Cùng số, ở đúng chỗ của mục còn thiếu', en: 'Same number, in the missing section’s place' } }] } : {}),
        ...(labelled ? { related: [{ offset: labelled.offset, length: labelled.end - labelled.offset, message: { vi: 'Mục còn thiếu, viết dưới một nhãn đầu dòng', en: 'The missing section, written under a label' } }] } : {}),
        fixes: retitle
          ? [insert, { title: { vi: `Đổi tên ${quote(renamed)} thành “${newName}”`, en: `Rename ${quote(renamed)} to “${newName}”` }, edits: [retitle] }]
          : [insert],
      });
    }
    return out;
  },
};
