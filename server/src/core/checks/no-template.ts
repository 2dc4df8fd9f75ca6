import type { Check } from '../check';

export const noTemplate: Check = {
  code: 'no-template',
  defaultLevel: 'information',
  fixable: false,
  title: { vi: 'Chưa xác định đề cương', en: 'No outline chosen' },
  run(ctx) {
    if (ctx.selection.kind !== 'none') return [];
    const firstLine = ctx.text.search(/\r?\n|\r|$/);
    // A few ids as examples: the whole list is the command's (or `decuong templates`'), not a hover's.
    // The workspace's own first: those are the ones kept for its reports.
    const all = [...ctx.registry.templates.values()].sort((a, b) => Number(a.builtin) - Number(b.builtin)).map((t) => t.id);
    const ids = all.slice(0, 3).join(', ') + (all.length > 3 ? ', …' : '');
    return [{
      offset: 0,
      length: Math.max(0, firstLine),
      message: {
        vi: `Chưa xác định được đề cương cho báo cáo này: dùng lệnh “Đề cương: Chọn mẫu đề cương cho báo cáo…”, hoặc thêm dòng “decuong: <mã mẫu>” vào phần khai báo đầu tệp (front matter; ví dụ: ${ids}), hoặc đặt tiêu đề báo cáo có tên loại báo cáo như trong đề cương.`,
        en: `No outline found for this report: run “Đề cương: Choose Outline Template for Report…”, or add “decuong: <id>” to the front matter (e.g. ${ids}), or give the report a title that names its kind of report as the outline does.`,
      },
    }];
  },
};
