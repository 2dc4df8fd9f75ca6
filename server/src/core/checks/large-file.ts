import type { Check } from '../check';
import { utf8Length } from '../lines';

export const largeFile: Check = {
  code: 'large-file',
  defaultLevel: 'information',
  fixable: false,
  title: { vi: 'Tệp rất lớn: kiểm tra rút gọn', en: 'Very large file: reduced checks' },
  run(ctx) {
    if (!ctx.large) return [];
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const size = utf8Length(ctx.text);
    const firstLine = ctx.text.slice(0, 2000).search(/\r?\n|\r|$/);
    return [{
      offset: 0,
      length: Math.max(0, firstLine),
      message: {
        vi: `Tệp rất lớn (${mb(size).replace('.', ',')} MB): chỉ kiểm tra các mục theo đề cương, đánh số và phần khai báo đầu tệp; bỏ qua chỗ trống, tiêu đề chưa đánh dấu và ước tính số trang.`,
        en: `Very large file (${mb(size)} MB): only the outline, numbering and front matter are checked; blanks, unmarked titles and the page estimate are skipped.`,
      },
    }];
  },
};
