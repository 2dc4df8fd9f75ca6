import type { Check } from '../check';

export const noTemplate: Check = {
  code: 'no-template',
  defaultLevel: 'information',
  fixable: false,
  title: { vi: 'Chưa xác định đề cương', en: 'No outline chosen' },
  run(ctx) {
    if (ctx.selection.kind !== 'none') return [];
    const firstLine = ctx.text.search(/\r?\n|\r|$/);
    const ids = [...ctx.registry.templates.keys()].slice(0, 6).join(', ');
    return [{
      offset: 0,
      length: Math.max(0, firstLine),
      message: {
        vi: `Chưa xác định được đề cương cho báo cáo này: thêm front matter “decuong: <id>” (ví dụ: ${ids}) hoặc đặt tiêu đề báo cáo chứa từ khóa của đề cương.`,
        en: `No outline found for this report: add front matter “decuong: <id>” (for example: ${ids}) or give the report a title containing the outline's match words.`,
      },
    }];
  },
};
