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
    for (const [start, end] of ctx.doc.prose) {
      for (const blank of findBlanks(ctx.text.slice(start, end), kinds)) {
        const shown = ctx.text.slice(start + blank.offset, start + blank.offset + blank.length);
        out.push({
          offset: start + blank.offset,
          length: blank.length,
          message: {
            vi: `Chỗ trống chưa điền: “${shown}” (${blank.kind.description.vi}).`,
            en: `Unfilled blank: “${shown}” (${blank.kind.description.en}).`,
          },
          data: { kind: blank.kind.id },
        });
      }
    }
    return out;
  },
};
