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
    // A close id whose template file is broken (front matter left open: its id is then the file's
    // name) is most likely the one meant: say what is wrong with it.
    const broken = ctx.registry.problems.find((p) => p.id && s.suggestions.includes(p.id));
    const why = broken ? { vi: ` Mẫu “${broken.id}” (${broken.path}) có lỗi: ${broken.message.vi}`, en: ` The template “${broken.id}” (${broken.path}) is broken: ${broken.message.en}` } : { vi: '', en: '' };
    return [{
      offset: s.offset,
      length: s.end - s.offset,
      message: {
        vi: hint
          ? `Không có mẫu đề cương “${s.id}”; có phải: ${hint}?${why.vi}`
          : `Không có mẫu đề cương “${s.id}”: sửa mã ở dòng “decuong:” hoặc dùng lệnh “Đề cương: Chọn mẫu đề cương cho báo cáo…” (trên dòng lệnh: “decuong templates”).`,
        en: hint
          ? `Unknown outline “${s.id}”; did you mean: ${hint}?${why.en}`
          : `Unknown outline “${s.id}”: fix the id on the “decuong:” line or run “Đề cương: Choose Outline Template for Report…” (command line: “decuong templates”).`,
      },
      data: { suggestions: s.suggestions },
      // Each close id as a fix of the `decuong:` value (not preferred: the author chooses).
      fixes: s.suggestions.length
        ? s.suggestions.map((id) => ({ title: { vi: `Dùng mẫu “${id}”`, en: `Use “${id}”` }, edits: [{ offset: s.offset, length: s.end - s.offset, text: id }] }))
        : undefined,
    }];
  },
};
