import type { Check, Draft } from '../check';
import { headingRange, quotable, quote } from '../check';
import { titleForReport, yearShiftOnce } from '../insert';

export const sectionLevel: Check = {
  code: 'section-level',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Mục sai cấp tiêu đề', en: 'Section at the wrong heading level' },
  run(ctx) {
    if (!ctx.template || !ctx.alignment) return [];
    const pairs = ctx.alignment.pairs;
    const out: Draft[] = [];
    const shift = yearShiftOnce(ctx);
    for (const pair of pairs.values()) {
      const { expected, actual } = pair;
      if (actual.level === expected.level) continue;
      // A whole subtree moved with its parent is reported once, at the parent.
      const parentPair = expected.parent && pairs.get(expected.parent);
      if (parentPair && parentPair.actual.level !== parentPair.expected.level &&
          actual.level - parentPair.actual.level === expected.level - parentPair.expected.level) continue;
      const depth = ctx.outline.topDepth + expected.level - 1;
      const marker = '#'.repeat(Math.max(1, Math.min(6, depth)));
      const actualMarker = '#'.repeat(actual.heading.depth);
      // The parent in the report's words when it has it, else the outline's in the report's years.
      const parentActual = parentPair?.actual;
      const parentName = parentActual ? quote(parentActual) : expected.parent ? `“${quotable(titleForReport(expected.parent.heading.text, shift()))}”` : '';
      out.push({
        ...headingRange(actual),
        message: {
          vi: `Mục ${quote(actual)} đang là tiêu đề “${actualMarker}”; theo đề cương phải là “${marker}” (${expected.parent ? `thuộc ${parentName}` : 'một mục lớn của báo cáo'}).`,
          en: `Section ${quote(actual)} is a “${actualMarker}” heading; the outline makes it “${marker}” (${expected.parent ? `under ${parentName}` : 'a top section'}).`,
        },
        data: { section: expected.index, depth },
      });
    }
    return out;
  },
};
