import type { Check, Draft } from '../check';
import { quote } from '../check';
import { bareTitle, retitleEdit, titleForReport, yearShiftOnce } from '../insert';
import { titleKeys, withoutOptionalMark } from '../normalize';
import { mergedInto } from './missing-section';

/** Where a title's citation begins: `theo Chỉ thị …`, `số 2417/CTPH-…`, `ngày 11/9/2017`. */
const CITATION = /\s(?:theo\s|số\s+\d|ngày\s+\d{1,2}\/)/iu;

/**
 * The outline's title with the report's own citation in place of the outline's (`… Chương trình
 * phối hợp số 1180/CTPH-… ngày 05/7/2021` for the outline's `… số 2417/CTPH-… ngày 11/9/2017 …`):
 * a report of another period cites its own documents, and “did you mean” would put back the
 * outline's. The same words up to the citation, and a citation in both.
 */
function ownCitation(outlineTitle: string, reportTitle: string): boolean {
  const a = CITATION.exec(outlineTitle);
  const b = CITATION.exec(reportTitle);
  if (!a || !b) return false;
  const head = titleKeys(outlineTitle.slice(0, a.index)).core;
  return head.split(' ').length >= 3 && head === titleKeys(reportTitle.slice(0, b.index)).core;
}

export const sectionTitle: Check = {
  code: 'section-title',
  defaultLevel: 'warning',
  fixable: true,
  title: { vi: 'Tên mục khác đề cương', en: 'Section title differs from the outline' },
  run(ctx) {
    if (!ctx.template || !ctx.alignment) return [];
    const out: Draft[] = [];
    const shift = yearShiftOnce(ctx);
    for (const pair of ctx.alignment.pairs.values()) {
      if (pair.exact) continue;
      const { expected, actual } = pair;
      if (ownCitation(bareTitle(expected), actual.heading.text.slice(actual.heading.numbering?.length ?? 0))) continue;
      // A title that merges a missing sibling into it (`1. Về ưu điểm, hạn chế và nguyên nhân`):
      // the outline's title would take the merged words out.
      const siblings = expected.parent ? expected.parent.children : ctx.template.outline.roots;
      if (siblings.some((s) => !ctx.alignment!.pairs.has(s) && mergedInto(ctx, s) === actual)) continue;
      // In the report's years, as the missing sections are (an outline of 2021's report in 2025's).
      const years = shift();
      const expectedTitle = titleForReport(bareTitle(expected), years);
      // With the report's own number when it numbers the section otherwise in the same style (an
      // optional section left out, the rest renumbered: “VI.” for the outline's “VII.”): the number
      // is `numbering`'s to judge, and the quick fix keeps it.
      const own = actual.heading.numbering;
      const theirs = expected.heading.numbering;
      const renumbered = own && theirs && own.style === theirs.style && own.text !== theirs.text;
      const shown = renumbered ? `${own.text} ${expectedTitle}` : titleForReport(withoutOptionalMark(expected.heading.text), years);
      const edit = retitleEdit(ctx.text, actual, expectedTitle);
      out.push({
        offset: actual.heading.textOffset,
        length: actual.heading.textEnd - actual.heading.textOffset,
        message: {
          vi: `Tên mục ${quote(actual)} khác đề cương; có phải “${shown}”?`,
          en: `Section title ${quote(actual)} differs from the outline; did you mean “${shown}”?`,
        },
        data: { section: expected.index, expectedTitle },
        fixes: edit ? [{ title: { vi: `Dùng tên mục của đề cương: “${expectedTitle}”`, en: `Use the outline's title: “${expectedTitle}”` }, edits: [edit], preferred: true }] : undefined,
      });
    }
    return out;
  },
};
