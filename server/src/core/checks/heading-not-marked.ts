import { quotable, type Check, type Draft } from '../check';

export const headingNotMarked: Check = {
  code: 'heading-not-marked',
  defaultLevel: 'warning',
  fixable: true,
  title: { vi: 'Tiêu đề mục chưa đánh dấu', en: 'Section title not marked as a heading' },
  run(ctx) {
    const out: Draft[] = [];
    for (const s of ctx.outline.all) {
      const h = s.heading;
      if (h.marked || h.runIn) continue;
      const marker = '#'.repeat(h.depth);
      // As `quote` gives it (not recorded: the finding's own range is the heading).
      const text = quotable(h.text);
      out.push({
        offset: h.offset,
        length: h.end - h.offset,
        message: {
          vi: `Dòng “${text}” là tiêu đề mục nhưng chưa được đánh dấu: thêm “${marker} ” vào đầu dòng.`,
          en: `“${text}” reads as a section title but is not a heading: start the line with “${marker} ”.`,
        },
        data: { depth: h.depth },
        fixes: [{ title: { vi: `Đổi thành tiêu đề “${marker}”`, en: `Make it a “${marker}” heading` }, edits: [{ offset: h.offset, length: 0, text: `${marker} ` }], preferred: true }],
      });
    }
    return out;
  },
};
