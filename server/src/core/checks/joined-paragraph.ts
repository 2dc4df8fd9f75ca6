import type { DocText } from '../text';
import { excerpt, perChunk, type Check, type Draft } from '../check';
import { lineText, meantBreaks } from '../joins';
import type { FixAction } from '../types';

export const joinedParagraph: Check = {
  code: 'joined-paragraph',
  defaultLevel: 'warning',
  fixable: true,
  title: { vi: 'Đoạn văn bị nối vào đoạn trên', en: 'Paragraph runs into the one above' },
  run(ctx) {
    return perChunk(ctx, 'joined-paragraph', (chunk) =>
      (chunk.summary.paragraphs ?? []).flatMap((p) => {
        const column = columnOf(ctx.text, chunk.offset + p.lines[0]!);
        return meantBreaks(ctx.text, p, chunk.offset).map((start) => joinedAt(ctx.text, chunk.offset, start, column));
      }),
      (summary) => !summary.paragraphs,
    );
  },
};

/** The column of `offset` in its line, tabs to the next multiple of 4 (as Markdown counts). */
function columnOf(text: DocText, offset: number): number {
  let column = 0;
  for (let i = text.lastIndexOf('\n', offset - 1) + 1; i < offset; i++) column = text.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
  return column;
}

/**
 * The finding for the line starting at `at + start` of `text` (offsets relative to `at`), in a
 * paragraph whose text starts at `column`.
 */
function joinedAt(text: DocText, at: number, start: number, column: number): Draft {
  const line = lineText(text, at + start, text.length);
  const word = /^\S*/.exec(line.text)![0];
  const shown = excerpt(line.text);
  const prefix = text.slice(at + start, line.offset);
  const eol = text.charCodeAt(at + start - 2) === 13 ? '\r\n' : '\n';
  // After a blank line, four columns of indent more than the paragraph's make the line code: the
  // fix brings the line to the paragraph's own column — not an insertion, so not one fix-all
  // applies unasked. Otherwise the blank line keeps the line's block quote (its `>` marks).
  const code = !prefix.includes('>') && columnOf(text, line.offset) >= column + 4;
  const fix: FixAction = code
    ? { title: { vi: 'Thêm dòng trống phía trước, bỏ thụt đầu dòng', en: 'Insert a blank line before it, remove the indent' }, edits: [{ offset: start, length: prefix.length, text: eol + ' '.repeat(column) }] }
    : { title: { vi: 'Thêm dòng trống phía trước', en: 'Insert a blank line before it' }, edits: [{ offset: start, length: 0, text: `${prefix.replace(/[^>]*$/, '')}${eol}` }], preferred: true };
  return {
    offset: line.offset - at,
    length: word.length,
    message: code
      ? {
          vi: `Dòng “${shown}” sẽ bị nối vào đoạn văn phía trên khi in: thêm một dòng trống phía trước và bỏ thụt đầu dòng (thụt từ bốn dấu cách hay một tab sau dòng trống là khối mã).`,
          en: `“${shown}” runs into the paragraph above when typeset: add a blank line before it and remove its indent (four spaces or a tab after a blank line make it code).`,
        }
      : {
          vi: `Dòng “${shown}” sẽ bị nối vào đoạn văn phía trên khi in: thêm một dòng trống phía trước (trong Markdown, các đoạn văn cách nhau bằng một dòng trống).`,
          en: `“${shown}” runs into the paragraph above when typeset: add a blank line before it (in Markdown, paragraphs are separated by a blank line).`,
        },
    fixes: [fix],
  };
}
