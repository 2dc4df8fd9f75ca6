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

/** “cấp xã” / “commune level (xã)”; a key not in the table as it is (“cấp abc” / “level abc”). */
export function levelName(key: string, lang: 'vi' | 'en'): string {
  const known = LEVELS[key];
  if (lang === 'vi') return `cấp ${known?.vi ?? key}`;
  return known ? `${known.en} level (${known.vi})` : `level ${key}`;
}
