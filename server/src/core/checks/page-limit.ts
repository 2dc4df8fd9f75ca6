import type { Check, CheckContext, Draft } from '../check';
import type { PageEstimate, PageSettings } from '../pages';
import { levelName, limitsByLevel } from '../levels';
import { pageCount } from '../templates';
import { lineEndAt } from '../lines';

/** What the check reads besides the usual context: the page estimate of the report (`pages.ts`). */
type PageContext = CheckContext & { pages?: PageEstimate };

/** Front-matter keys that set a report's own page limit. */
export const PAGE_LIMIT_KEYS = ['gioi-han-trang', 'page-limit'] as const;

export interface PageLimit {
  limit: number;
  /** The level (cấp) the template's limit is for; absent for `pages: N` and for the front matter. */
  cap?: string;
  source: 'front-matter' | 'template';
}

/**
 * The page limit that applies to the report: its front matter's `gioi-han-trang: N` first, then
 * the template's `pages` for the report's level (`cap`), then the template's single `pages: N`.
 */
export function pageLimitOf(ctx: CheckContext): PageLimit | undefined {
  for (const key of PAGE_LIMIT_KEYS) {
    const own = pageCount(ctx.doc.frontMatter?.entries.get(key)?.value);
    if (own) return { limit: own, source: 'front-matter' };
  }
  const pages = ctx.template?.pages;
  if (!pages) return undefined;
  const cap = 'cap' in ctx.selection ? ctx.selection.cap : undefined;
  // Own keys only: `cap: constructor` must not find Object's method. Both sides are level keys
  // (`levelKey`): the selection's cap and the template's `pages` as loaded.
  if (cap && Object.hasOwn(pages, cap)) return { limit: pages[cap]!, cap, source: 'template' };
  if (Object.hasOwn(pages, '*')) return { limit: pages['*']!, source: 'template' };
  return undefined;
}

/**
 * The outline's page limits by level when none applies because the report names no level (no
 * `cap:`, no setting, no own limit): said to the author, or they silently do nothing. [] otherwise.
 */
export function unappliedLevelLimits(ctx: CheckContext): Array<[string, number]> {
  if (pageLimitOf(ctx) || ('cap' in ctx.selection && ctx.selection.cap)) return [];
  return limitsByLevel(ctx.template?.pages);
}

/** One decimal, rounded up so that an estimate past the limit never reads as the limit itself. */
function decimalText(value: number, limit: number, lang: 'vi' | 'en'): string {
  const shown = Math.max(Math.ceil(value * 10 - 1e-9) / 10, limit + 0.1).toFixed(1);
  return lang === 'vi' ? shown.replace('.', ',') : shown;
}

function settingsText(s: PageSettings, lang: 'vi' | 'en'): string {
  const n = (x: number) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));
  const m = s.margins;
  const margins = `${n(m.top)}/${n(m.bottom)}/${n(m.left)}/${n(m.right)} mm`;
  if (lang === 'vi') {
    const spacing = s.lineSpacing === 1 ? 'dòng đơn' : `${n(s.lineSpacing)} dòng`;
    return `khổ A4, chữ Times New Roman ${n(s.fontSize)} pt, giãn ${spacing}, lề ${margins}, cách đoạn ${n(s.paraAfter)} pt`;
  }
  const spacing = s.lineSpacing === 1 ? 'single line spacing' : `${n(s.lineSpacing)} line spacing`;
  return `A4, Times New Roman ${n(s.fontSize)} pt, ${spacing}, margins ${margins}, ${n(s.paraAfter)} pt between paragraphs`;
}

export const pageLimit: Check = {
  code: 'page-limit',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Báo cáo dài quá số trang cho phép', en: 'Report longer than the page limit' },
  run(ctx) {
    const estimate = (ctx as PageContext).pages;
    if (!estimate) return [];
    const found = pageLimitOf(ctx);
    if (!found || estimate.pages <= found.limit) return [];
    const { limit, cap, source } = found;
    // The first page past the limit begins where page `limit + 1` does.
    const offset = Math.min(Math.max(0, estimate.breakOffsets[limit - 1] ?? 0), ctx.text.length);
    const lineEnd = lineEndAt(ctx.text, offset) - offset;
    // Where the limit comes from when it is not the outline's own: the report's front matter.
    const where = {
      vi: cap ? ` (${levelName(cap, 'vi')})` : source === 'front-matter' ? ' (theo phần khai báo đầu tệp của báo cáo)' : '',
      en: cap ? ` for ${levelName(cap, 'en')}` : source === 'front-matter' ? ' (set in the report’s front matter)' : '',
    };
    const draft: Draft = {
      offset,
      length: Math.max(0, lineEnd),
      message: {
        vi: `Báo cáo ước tính dài ${decimalText(estimate.decimal, limit, 'vi')} trang, vượt quá mức tối đa ${limit} trang${where.vi}: cần rút gọn. Trang ${limit + 1} bắt đầu từ đây. Ước tính với ${settingsText(estimate.settings, 'vi')}.`,
        en: `The report is estimated at ${decimalText(estimate.decimal, limit, 'en')} pages, over the limit of ${limit} page${limit === 1 ? '' : 's'}${where.en}: shorten it. Page ${limit + 1} begins here. Estimated for ${settingsText(estimate.settings, 'en')}.`,
      },
      data: { pages: estimate.pages, decimal: estimate.decimal, limit, cap: cap ?? null, source },
    };
    return [draft];
  },
};
