import type { Check, Draft } from '../check';
import { DEFAULT_PLACEHOLDERS, extraPlaceholders, findBlanks } from '../placeholders';

export const placeholder: Check = {
  code: 'placeholder',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Chỗ trống chưa điền', en: 'Unfilled blank' },
  run(ctx) {
    const { kinds: extra } = extraPlaceholders(ctx.options.placeholders);
    const kinds = [...DEFAULT_PLACEHOLDERS, ...extra];
    const out: Draft[] = [];
    const key = `placeholder:${(ctx.options.placeholders ?? []).join('\u0000')}`;
    for (const chunk of ctx.doc.chunks) {
      // Blanks depend on the chunk's text alone: found once per chunk, not on every keystroke.
      const memo = (chunk.summary.memo ??= new Map());
      let blanks = memo.get(key) as Array<{ offset: number; length: number; kind: string; description: typeof kinds[number]['description'] }> | undefined;
      if (!blanks) {
        blanks = chunk.summary.prose.flatMap(([start, end]) =>
          findBlanks(ctx.text.slice(chunk.offset + start, chunk.offset + end), kinds).map((b) => ({ offset: start + b.offset, length: b.length, kind: b.kind.id, description: b.kind.description })));
        memo.set(key, blanks);
      }
      for (const blank of blanks) {
        const offset = chunk.offset + blank.offset;
        const shown = ctx.text.slice(offset, offset + blank.length);
        out.push({
          offset,
          length: blank.length,
          message: {
            vi: `Chỗ trống chưa điền: “${shown}” (${blank.description.vi}).`,
            en: `Unfilled blank: “${shown}” (${blank.description.en}).`,
          },
          data: { kind: blank.kind },
        });
      }
    }
    return out;
  },
};
