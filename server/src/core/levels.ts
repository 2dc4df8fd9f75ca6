import type { Message } from './types';

/**
 * The administrative levels (`cap:` of a report, keys of a template's `pages`) as people name
 * them. One table for the checks' messages and the editor's pickers.
 */
export const LEVELS: Readonly<Record<string, Message>> = {
  xa: { vi: 'xã', en: 'commune' },
  phuong: { vi: 'phường', en: 'ward' },
  'thi-tran': { vi: 'thị trấn', en: 'township' },
  huyen: { vi: 'huyện', en: 'district' },
  quan: { vi: 'quận', en: 'urban district' },
  'thi-xa': { vi: 'thị xã', en: 'district-level town' },
  'thanh-pho': { vi: 'thành phố', en: 'city' },
  tinh: { vi: 'tỉnh', en: 'province' },
};

/** A key of the table (not one of Object's own properties: `cap: constructor` is no level). */
export function isLevel(key: string): boolean {
  return Object.hasOwn(LEVELS, key);
}

/** Lower-case ASCII with hyphens: marks dropped (NFC or NFD alike), “đ” → “d”, spaces/underscores → “-”. */
function slug(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The English names the messages print (“commune level (xã)”), so that `cap: commune` works too. */
const ENGLISH = new Map(Object.entries(LEVELS).map(([key, m]) => [slug(m.en), key]));

/**
 * The key a level is written as (`xa`, `thi-tran`) from what people type: `xã`, `Xã`, `cấp xã`,
 * `thị trấn`, `thi tran`, `thị-trấn`, `commune`. A name that is no known level is still folded the
 * same way, so that a template's own `pages: { khu-pho: 3 }` matches a report's `cap: Khu phố`.
 */
export function levelKey(input: string): string {
  let key = slug(input);
  // The messages say “cấp xã” / “commune level”: either wording is the level itself.
  if (key.startsWith('cap-')) key = key.slice(4);
  if (key.endsWith('-level')) key = key.slice(0, -6);
  if (key.startsWith('level-')) key = key.slice(6);
  return isLevel(key) ? key : ENGLISH.get(key) ?? key;
}

/** “cấp xã” / “commune level (xã)”; a key not in the table as it is (“cấp abc” / “level abc”). */
export function levelName(key: string, lang: 'vi' | 'en'): string {
  const known = isLevel(key) ? LEVELS[key] : undefined;
  if (lang === 'vi') return `cấp ${known?.vi ?? key}`;
  return known ? `${known.en} level (${known.vi})` : `level ${key}`;
}

/** The key of a template's single `pages: N`: the limit of every level, no level of its own. */
export const EVERY_LEVEL = '*';

/** A template's page limits by named level, `pages: N` (every level's) left out. */
export function limitsByLevel(pages: Readonly<Record<string, number>> | undefined): Array<[string, number]> {
  return Object.entries(pages ?? {}).filter(([k]) => k !== EVERY_LEVEL);
}

/** The levels templates name in their page limits, beyond the table's (`khu-pho` …) too. */
export function templateLevels(templates: Iterable<{ pages: Readonly<Record<string, number>> }>): Set<string> {
  const levels = new Set<string>();
  for (const t of templates) for (const [k] of limitsByLevel(t.pages)) levels.add(k);
  return levels;
}
