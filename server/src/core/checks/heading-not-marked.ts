import { quotable, type Check, type CheckContext, type Draft } from '../check';
import type { Heading } from '../parse';
import type { Fix } from '../types';

/**
 * The indent of the first line of text after a title typed as a paragraph, when it would make
 * that line code once the title is a heading: pasted from Word, `2. Công tác …` then `\tPhối hợp …`
 * (a blank line between or not) — the tab is a continuation of the numbered title, or its list
 * item's text, now, but after a heading four columns open a code block. Taken away with the
 * marking (whitespace only).
 */
function indentAfter(ctx: CheckContext, h: Heading): Fix | undefined {
  const text = ctx.text;
  let start = h.end;
  for (;;) {
    // To the start of the next line that holds something.
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
    let i = start;
    let column = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 9) column += 4 - (column % 4);
      else if (c === 32) column++;
      else break;
    }
    if (i >= text.length) return undefined;
    const next = text.charCodeAt(i);
    if (next === 10 || next === 13) continue;
    return column >= 4 ? { offset: start, length: i - start, text: '' } : undefined;
  }
}

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
      const indent = indentAfter(ctx, h);
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
        fixes: [{ title: { vi: `Đổi thành tiêu đề “${marker}”`, en: `Make it a “${marker}” heading` }, edits: [{ offset: h.offset, length: 0, text: `${marker} ` }, ...(indent ? [indent] : [])], preferred: true }],
      });
    }
    return out;
  },
};
