import type { Check, Draft } from '../check';

/**
 * The report's own front matter: YAML that does not parse, a block that is never closed, or a
 * `decuong:` that is not a template id — each said where it is, instead of silently ignored.
 */
export const frontMatter: Check = {
  code: 'front-matter',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Front matter của báo cáo có lỗi', en: 'The report’s front matter has an error' },
  run(ctx) {
    const out: Draft[] = [];
    const fm = ctx.doc.frontMatter;
    if (fm) {
      for (const e of fm.errors) {
        out.push({ offset: e.offset, length: e.end - e.offset, message: { vi: `Front matter không đúng cú pháp YAML: ${e.message}`, en: `Front matter is not valid YAML: ${e.message}` } });
      }
      const named = fm.entries.get('decuong');
      if (named && typeof named.value !== 'string' && typeof named.value !== 'number' && named.value !== null) {
        out.push({ offset: named.offset, length: named.end - named.offset, message: { vi: '“decuong:” phải là mã của một mẫu đề cương, ví dụ “decuong: ke-hoach”.', en: '“decuong:” must be the id of an outline template, e.g. “decuong: ke-hoach”.' } });
      }
      return out;
    }
    // "---" on the first line with no closing "---": the author meant a front matter.
    const start = ctx.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (/^---[ \t]*\r?\n[ \t]*[\p{L}_-]+[ \t]*:/u.test(ctx.text.slice(start, start + 200)) && !/\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.test(ctx.text.slice(start + 3, start + 64 * 1024))) {
      out.push({ offset: start, length: 3, message: { vi: 'Front matter chưa đóng: thêm một dòng “---” sau các dòng khai báo.', en: 'Front matter is not closed: add a “---” line after its entries.' } });
    }
    return out;
  },
};
