import { excerpt, perChunk, type Check, type Draft } from '../check';
import { FENCED } from '../parse';
import type { Fix } from '../types';

/**
 * Paragraphs indented with a tab or four spaces (a Word habit for the first line) are an indented
 * code block to Markdown: typeset in a monospaced font, unwrapped, and no title in them is seen.
 * A report has no code but what its author fences, so each such block is flagged.
 */
export const indentedCode: Check = {
  code: 'indented-code',
  defaultLevel: 'warning',
  fixable: true,
  title: { vi: 'Đoạn văn thụt đầu dòng thành khối mã', en: 'Indented paragraph typeset as code' },
  run(ctx) {
    return perChunk(ctx, 'indented-code', (chunk) =>
      chunk.summary.blocks.flatMap((b) => {
        if (b.type !== 'code') return [];
        const source = ctx.text.slice(chunk.offset + b.offset, chunk.offset + b.end);
        return FENCED.test(source) ? [] : [indentedAt(source, b.offset)];
      }),
    );
  },
};

/** The finding for an indented code block `source` at `at` (offsets relative to the chunk). */
function indentedAt(source: string, at: number): Draft {
  // The indent of every line goes (blank lines between stay): each line starts a paragraph again.
  const edits: Fix[] = [];
  let first: { offset: number; text: string } | undefined;
  for (let pos = 0; pos < source.length; ) {
    let nl = source.indexOf('\n', pos);
    if (nl < 0) nl = source.length;
    const line = source.slice(pos, nl).replace(/\r$/, '');
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent < line.length) {
      edits.push({ offset: at + pos, length: indent, text: '' });
      first ??= { offset: at + pos + indent, text: line.slice(indent).trimEnd() };
    }
    pos = nl + 1;
  }
  const text = first?.text ?? '';
  const shown = excerpt(text);
  return {
    offset: first?.offset ?? at,
    length: text.length,
    message: {
      vi: `Đoạn “${shown}” thụt đầu dòng bằng tab hoặc từ bốn dấu cách trở lên nên sẽ bị in như đoạn mã (phông chữ máy chữ, không tự xuống dòng) và tiêu đề bên trong không được nhận ra: hãy bỏ thụt đầu dòng.`,
      en: `“${shown}” is indented with a tab or four or more spaces, so it is typeset as code (monospaced, not wrapped) and any section title in it is not recognised: remove the indent.`,
    },
    fixes: [{ title: { vi: 'Bỏ thụt đầu dòng', en: 'Remove the indent' }, edits, preferred: true }],
  };
}
