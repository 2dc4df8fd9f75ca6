import type { Check } from '../check';

export const unknownTemplate: Check = {
  code: 'unknown-template',
  defaultLevel: 'error',
  fixable: true,
  title: { vi: 'Không có mẫu đề cương này', en: 'Unknown outline id' },
  run(ctx) {
    const s = ctx.selection;
    if (s.kind !== 'unknown') return [];
    const hint = s.suggestions.map((id) => `“${id}”`).join(', ');
    return [{
      offset: s.offset,
      length: s.end - s.offset,
      message: {
        vi: `Không có mẫu đề cương “${s.id}”${hint ? `; có phải: ${hint}?` : '. Xem danh sách bằng lệnh “decuong templates”.'}`,
        en: `Unknown outline “${s.id}”${hint ? `; did you mean: ${hint}?` : '. List them with “decuong templates”.'}`,
      },
      data: { suggestions: s.suggestions },
    }];
  },
};
