import { perChunk, type Check, type Draft } from '../check';
import { DEFAULT_PLACEHOLDERS, extraPlaceholders, findBlanks } from '../placeholders';

export const placeholder: Check = {
  code: 'placeholder',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Chỗ trống chưa điền', en: 'Unfilled blank' },
  run(ctx) {
    const { kinds: extra } = extraPlaceholders(ctx.options.placeholders);
    const kinds = [...DEFAULT_PLACEHOLDERS, ...extra];
    const key = `placeholder:${(ctx.options.placeholders ?? []).join('\u0000')}`;
    // Blanks depend on the chunk's text alone: found (messages and all) once per chunk, not on
    // every keystroke; here they only get the chunk's place.
    return perChunk(ctx, key, (chunk) =>
      chunk.summary.prose.flatMap(([start, end]) => {
        const source = ctx.text.slice(chunk.offset + start, chunk.offset + end);
        return findBlanks(source, kinds).map((b): Draft => {
          const shown = source.slice(b.offset, b.offset + b.length);
          return {
            offset: start + b.offset,
            length: b.length,
            message: {
              vi: `Chỗ trống chưa điền “${shown}” (${b.kind.description.vi}): hãy điền nội dung.`,
              en: `Unfilled blank “${shown}” (${b.kind.description.en}): fill it in.`,
            },
            data: { kind: b.kind.id },
          };
        });
      }),
    );
  },
};
