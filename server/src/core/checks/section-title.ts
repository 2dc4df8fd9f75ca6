import type { Check, Draft } from '../check';
import { quote } from '../check';
import { bareTitle, retitleEdit, titleForReport, yearShiftOnce } from '../insert';
import { withoutOptionalMark } from '../normalize';

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
      // In the report's years, as the missing sections are (an outline of 2021's report in 2025's).
      const years = shift();
      const expectedTitle = titleForReport(bareTitle(expected), years);
      const shown = titleForReport(withoutOptionalMark(expected.heading.text), years);
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
