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
        vi: hint
          ? `Không có mẫu đề cương “${s.id}”; có phải: ${hint}?`
          : `Không có mẫu đề cương “${s.id}”: sửa mã ở dòng “decuong:” hoặc dùng lệnh “Đề cương: Chọn mẫu đề cương cho báo cáo…” (trên dòng lệnh: “decuong templates”).`,
        en: hint
          ? `Unknown outline “${s.id}”; did you mean: ${hint}?`
          : `Unknown outline “${s.id}”: fix the id on the “decuong:” line or run “Đề cương: Choose Outline Template for Report…” (command line: “decuong templates”).`,
      },
      data: { suggestions: s.suggestions },
    }];
  },
};
