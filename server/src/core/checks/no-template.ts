import type { Check, CheckContext, Draft } from '../check';
import type { Doubt } from '../select';
import { templateChoiceEdits } from '../frontMatterEdits';
import { lineBreakOf, lineEndAt } from '../lines';

export const noTemplate: Check = {
  code: 'no-template',
  defaultLevel: 'information',
  fixable: true,
  title: { vi: 'Chưa xác định đề cương', en: 'No outline chosen' },
  run(ctx) {
    if (ctx.selection.kind !== 'none') return [];
    const firstLine = lineEndAt(ctx.text);
    const at = { offset: 0, length: Math.max(0, firstLine) };
    if (ctx.selection.doubted) return [doubtFinding(ctx, ctx.selection.doubted, at)];
    // A few ids as examples: the whole list is the command's (or `decuong templates`'), not a hover's.
    // The workspace's own first: those are the ones kept for its reports.
    const all = [...ctx.registry.templates.values()].sort((a, b) => Number(a.builtin) - Number(b.builtin)).map((t) => t.id);
    const ids = all.slice(0, 3).join(', ') + (all.length > 3 ? ', …' : '');
    return [{
      ...at,
      message: {
        vi: `Chưa xác định được đề cương cho báo cáo này: dùng lệnh “Đề cương: Chọn mẫu đề cương cho báo cáo…”, hoặc thêm dòng “decuong: <mã mẫu>” vào phần khai báo đầu tệp (front matter; ví dụ: ${ids}), hoặc đặt tiêu đề báo cáo có tên loại báo cáo như trong đề cương.`,
        en: `No outline found for this report: run “Đề cương: Choose Outline Template for Report…”, or add “decuong: <id>” to the front matter (e.g. ${ids}), or give the report a title that names its kind of report as the outline does.`,
      },
    }];
  },
};

/**
 * The title names an outline the report does not follow: said, with the outline's id written into
 * the front matter as the fix for a report that is a draft of it after all (not preferred).
 */
function doubtFinding(ctx: CheckContext, doubt: Doubt, at: { offset: number; length: number }): Draft {
  const { id, title } = doubt.template;
  const edits = templateChoiceEdits(ctx.text, lineBreakOf(ctx.text), id);
  return {
    ...at,
    // Why it was set aside — another body's report, or sections of its own — then what to do.
    message: {
      vi: `Tiêu đề giống đề cương “${title}” (${id}), nhưng báo cáo ${doubt.body ? `là của ${doubt.body.report.vi}, không phải của ${doubt.body.outline.vi}, và có ${doubt.paired}/${doubt.expected} mục bắt buộc của đề cương này` : `có ${doubt.paired}/${doubt.expected} mục bắt buộc của đề cương này và ${doubt.own} mục riêng`}, nên không đối chiếu với đề cương này. Nếu báo cáo phải theo đề cương này, thêm “decuong: ${id}” vào phần khai báo đầu tệp (front matter); nếu theo đề cương khác, dùng lệnh “Đề cương: Chọn mẫu đề cương cho báo cáo…”.`,
      en: `The title reads like the outline “${title}” (${id}), but the report ${doubt.body ? `is ${doubt.body.report.en}'s, not ${doubt.body.outline.en}'s, and has ${doubt.paired} of the outline's ${doubt.expected} required sections` : `has ${doubt.paired} of the outline's ${doubt.expected} required sections and ${doubt.own} sections of its own`}, so it is not checked against that outline. If the report must follow it, add “decuong: ${id}” to the front matter; if another, run “Đề cương: Choose Outline Template for Report…”.`,
    },
    data: { doubted: id },
    fixes: edits === 'unterminated' ? undefined : [{ title: { vi: `Đối chiếu với đề cương “${id}” (thêm “decuong: ${id}”)`, en: `Check against “${id}” (add “decuong: ${id}”)` }, edits }],
  };
}
