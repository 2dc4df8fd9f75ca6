import type { Check, CheckContext, Draft } from '../check';
import { frontMatterSlip, frontMatterSlipMessage, type FrontMatterEntry } from '../parse';
import { isLevel, LEVELS, levelKey, levelName, limitsByLevel } from '../levels';

/**
 * `cap:` naming no level the checker knows nor one the template sets a page limit for: without a
 * word, the page limit would silently not apply. Says which levels there are.
 */
function unknownLevel(entry: FrontMatterEntry, ctx: CheckContext): Draft | undefined {
  if (typeof entry.value !== 'string' && typeof entry.value !== 'number') return undefined;
  const written = String(entry.value).trim();
  const key = levelKey(written);
  if (!key || isLevel(key)) return undefined;
  const pages = ctx.template?.pages ?? {};
  if (Object.hasOwn(pages, key)) return undefined;
  const own = limitsByLevel(pages).map(([k]) => k);
  const at = { offset: entry.offset, length: entry.end - entry.offset };
  if (own.length && ctx.template) {
    const list = (lang: 'vi' | 'en') => own.map((k) => levelName(k, lang)).join(', ');
    return {
      ...at,
      message: {
        vi: `“cap: ${written}” không phải là cấp hợp lệ nên chưa áp dụng được giới hạn số trang; đề cương “${ctx.template.id}” quy định số trang cho: ${list('vi')}.`,
        en: `“cap: ${written}” is not a valid level, so no page limit applies; the outline “${ctx.template.id}” sets page limits for: ${list('en')}.`,
      },
    };
  }
  // The names as people write them (`levelKey` reads “xã” as `xa`); in English, the key and its name.
  const known = (lang: 'vi' | 'en') => Object.keys(LEVELS).map((k) => (lang === 'vi' ? LEVELS[k]!.vi : `${k} (${LEVELS[k]!.en})`)).join(', ');
  return {
    ...at,
    message: {
      vi: `“cap: ${written}” không phải là cấp hợp lệ; hãy ghi một trong các cấp: ${known('vi')}.`,
      en: `“cap: ${written}” is not a valid level; write one of: ${known('en')}.`,
    },
  };
}

/**
 * The report's own front matter: YAML that does not parse, a block that is never closed, a
 * `decuong:` that is not a template id, or a `cap:` that is no level — each said where it is,
 * instead of silently ignored.
 */
export const frontMatter: Check = {
  code: 'front-matter',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Phần khai báo đầu tệp (front matter) có lỗi', en: 'The report’s front matter has an error' },
  run(ctx) {
    const out: Draft[] = [];
    const fm = ctx.doc.frontMatter;
    if (fm) {
      for (const e of fm.errors) {
        // The parser's own words (English) last, as a detail: without a closing “:” or “.”.
        const detail = e.message.replace(/[\s:.]+$/, '');
        out.push({
          offset: e.offset,
          length: e.end - e.offset,
          message: {
            vi: `Phần khai báo đầu tệp (front matter) không đúng cú pháp YAML: kiểm tra dấu ngoặc, dấu nháy và thụt lề ở dòng này (${detail}).`,
            en: `Front matter is not valid YAML: check the brackets, quotes and indentation on this line (${detail}).`,
          },
        });
      }
      const named = fm.entries.get('decuong');
      if (named && typeof named.value !== 'string' && typeof named.value !== 'number' && named.value !== null) {
        out.push({ offset: named.offset, length: named.end - named.offset, message: { vi: '“decuong:” phải là mã của một mẫu đề cương, ví dụ “decuong: ke-hoach”.', en: '“decuong:” must be the id of an outline template, e.g. “decuong: ke-hoach”.' } });
      }
      const cap = fm.entries.get('cap');
      const level = cap && unknownLevel(cap, ctx);
      if (level) out.push(level);
      return out;
    }
    // "---" and entries not read as front matter (never closed, closed with "...", below an empty
    // line): the author meant one.
    const slip = frontMatterSlip(ctx.text);
    if (slip) out.push({ offset: slip.offset, length: 3, message: frontMatterSlipMessage(slip.kind, { vi: '', en: 'The report’s ' }) });
    return out;
  },
};
