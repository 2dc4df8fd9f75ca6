import type { Check, Draft } from '../check';
import { headingRange, quote } from '../check';
import { longestIncreasing } from '../align';
import { isDescendant, type Section } from '../outline';

export const sectionOrder: Check = {
  code: 'section-order',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Mục không đúng thứ tự đề cương', en: 'Section out of the outline’s order' },
  run(ctx) {
    if (!ctx.template || !ctx.alignment) return [];
    const pairs = ctx.alignment.pairs;
    const out: Draft[] = [];
    const flagged = new Set<Section>();
    const groups: Section[][] = [ctx.template.outline.roots, ...ctx.template.outline.all.map((s) => s.children)];
    for (const group of groups) {
      const present = group.map((s) => pairs.get(s)).filter((p) => p !== undefined);
      const keep = longestIncreasing(present.map((p) => p.actual.index));
      present.forEach((pair, i) => {
        if (keep.has(i)) return;
        const before = present.slice(0, i).reverse().find((_, j) => keep.has(i - 1 - j));
        const after = present.slice(i + 1).find((_, j) => keep.has(i + 1 + j));
        // Point at the kept neighbour the author most likely moved it past.
        const ref = after && after.actual.index < pair.actual.index ? after : before ?? after;
        flagged.add(pair.actual);
        out.push({
          ...headingRange(pair.actual),
          message: before && after
            ? { vi: `Mục ${quote(pair.actual)} không đúng thứ tự: theo đề cương, mục này đứng sau ${quote(before.actual)} và trước ${quote(after.actual)}.`, en: `Section ${quote(pair.actual)} is out of order: the outline puts it after ${quote(before.actual)} and before ${quote(after.actual)}.` }
            : before
            ? { vi: `Mục ${quote(pair.actual)} không đúng thứ tự: theo đề cương, mục này đứng sau ${quote(before.actual)}.`, en: `Section ${quote(pair.actual)} is out of order: the outline puts it after ${quote(before.actual)}.` }
            : { vi: `Mục ${quote(pair.actual)} không đúng thứ tự: theo đề cương, mục này đứng trước ${quote(after!.actual)}.`, en: `Section ${quote(pair.actual)} is out of order: the outline puts it before ${quote(after!.actual)}.` },
          related: ref ? [{ ...headingRange(ref.actual), message: ref === before ? { vi: 'Mục đứng trước nó theo đề cương', en: 'The section it should follow' } : { vi: 'Mục đứng sau nó theo đề cương', en: 'The section it should precede' } }] : undefined,
          data: { section: pair.expected.index },
        });
      });
    }
    // A section at the right level but under another parent than the outline's.
    for (const pair of pairs.values()) {
      const parentPair = pair.expected.parent && pairs.get(pair.expected.parent);
      if (!parentPair || flagged.has(pair.actual)) continue;
      if (parentPair.actual.level !== parentPair.expected.level || pair.actual.level !== pair.expected.level) continue;
      if (isDescendant(pair.actual, parentPair.actual)) continue;
      out.push({
        ...headingRange(pair.actual),
        message: {
          vi: `Mục ${quote(pair.actual)} nằm sai chỗ: theo đề cương, mục này thuộc ${quote(parentPair.actual)}.`,
          en: `Section ${quote(pair.actual)} is misplaced: the outline puts it under ${quote(parentPair.actual)}.`,
        },
        related: [{ ...headingRange(parentPair.actual), message: { vi: 'Mục cha theo đề cương', en: 'Its parent in the outline' } }],
        data: { section: pair.expected.index },
      });
    }
    return out;
  },
};
