import type { Message } from './types';

/**
 * What counts as an unfilled blank. The list is data: one entry per kind of blank, each a regular
 * expression over NFC text; `decuong.placeholders.extra` appends the user's own expressions.
 */
export interface PlaceholderKind {
  id: string;
  pattern: RegExp;
  description: Message;
  /** Strings one of which every match contains: text without any is not searched (most prose). */
  needs?: readonly string[];
}

const LETTER = String.raw`[\p{L}\p{N}]`;

export const DEFAULT_PLACEHOLDERS: readonly PlaceholderKind[] = [
  {
    id: 'dots',
    // 4+ dots, or 2+ ellipsis characters, with whatever dots/ellipses trail them: "…………..".
    pattern: /(?:\.{4,}|…[.…]*…)[.…]*/gu,
    needs: ['....', '…'],
    description: { vi: 'dãy từ 4 dấu chấm hoặc 2 dấu “…” trở lên', en: 'a run of 4+ dots or 2+ “…”' },
  },
  {
    id: 'glued-dots',
    // "Tiến hành...cuộc", "cho…ban": dots or an ellipsis with a letter on both sides. (Between
    // two numbers it is a range: “từ ngày 01…15/11”, “giai đoạn 2021…2025”.)
    pattern: new RegExp(String.raw`(?<=\p{L})(?:\.{2,3}|…)(?=${LETTER})|(?<=\p{N})(?:\.{2,3}|…)(?=\p{L})`, 'gu'),
    needs: ['..', '…'],
    description: { vi: '“...” hoặc “…” dính giữa hai chữ', en: '“...” or “…” glued between two words' },
  },
  {
    id: 'underscores',
    pattern: new RegExp(String.raw`(?<!${LETTER}|_)_{2,}(?!${LETTER}|_)`, 'gu'),
    needs: ['__'],
    description: { vi: 'dãy dấu gạch dưới', en: 'a run of underscores' },
  },
  {
    id: 'date',
    // A date whose day or month is left as dots or an ellipsis: “ngày … tháng … năm 2024”,
    // “ngày .../.../2024”, “trước ngày …/10/2024”, “15/…/2024”, “ngày 5/…”; a time: “lúc … giờ”,
    // “9 giờ … phút”. (A document number left for the office, “Số: …/KH-MTTQ”, is no date: it has
    // no number after the slash.)
    pattern: /ngày\s*(?:…|\.{2,3})\s*tháng(?:\s*(?:…|\.{2,3})(?:\s*năm(?:\s*(?:…|\.{2,3}))?)?)?|(?<=ngày\s*)\d{1,2}\s*\/\s*(?:…|\.{2,3})(?!\s*\/)|lúc\s*(?:…|\.{2,3})\s*giờ(?:\s*(?:…|\.{2,3})(?:\s*phút)?)?|(?:\b\d{1,2}|…|\.{2,3})\s*giờ\s*(?:…|\.{2,3})\s*phút|(?:…|\.{2,3})\s*\/\s*(?:…|\.{2,3}|\d{1,2})\s*\/\s*(?:\d{2,4}|…|\.{2,3})|\b\d{1,2}\s*\/\s*(?:…|\.{2,3})\s*\/\s*(?:\d{2,4}|…|\.{2,3})/giu,
    needs: ['..', '…'],
    description: { vi: 'ngày giờ còn để trống (“ngày … tháng …”, “…/…/2024”, “lúc … giờ”)', en: 'a date or time left blank (“ngày … tháng …”, “…/…/2024”, “lúc … giờ”)' },
  },
  {
    id: 'name',
    // A person left unnamed: “đồng chí …, Chủ tịch”, “đồng chí … Phó Chủ tịch” (the post after
    // it), “Nguyễn Văn …” at the end of a line. (Not “ông …” / “bà …”: “các cụ ông, cụ bà …,” ends
    // a list; nor “các đồng chí …”, many.)
    pattern: /(?<=(?:^|[\s(])[đĐ](?:ồng chí|\/c)\s+)(?<![cC]ác\s+[đĐ](?:ồng chí|\/c)\s+)(?:…|\.{3})(?:(?!\s*\p{L})|(?=\s+\p{Lu}))|(?<=(?:^|\s)\p{Lu}\p{Ll}*\s+(?:Văn|Thị|Đức|Hữu|Ngọc|Minh|Thanh|Quốc|Xuân|Thu|Kim)\s+)(?:…|\.{3})(?=\s*$)/gmu,
    needs: ['...', '…'],
    description: { vi: 'tên người còn để trống (“đồng chí …”, “Nguyễn Văn …”)', en: 'a person’s name left blank (“đồng chí …”, “Nguyễn Văn …”)' },
  },
  {
    id: 'bracketed',
    needs: ['[', '('],
    // A named fill-in may trail off: "(tên cơ quan …)", "(tên đơn vị...)".
    pattern: /\[(?:\.{3,}|…+)\]|\((?:\.{3,}|…+)\)|\((?:địa danh|tên (?:đơn vị|cơ quan|tổ chức|xã|phường|thị trấn|huyện|quận|tỉnh|thành phố)|họ (?:và )?tên|chức vụ|ký(?:,| và)? ghi rõ họ (?:và )?tên|ký tên(?:,? đóng dấu)?)\s*(?:…|\.{3})?\)/giu,
    description: { vi: 'chỗ điền trong ngoặc như “(Địa danh)”, “[...]”', en: 'a bracketed fill-in such as “(Địa danh)”, “[...]”' },
  },
];

/** Compiles the user's extra patterns; invalid ones are returned apart so they can be reported. */
export function extraPlaceholders(sources: readonly string[] | undefined): { kinds: PlaceholderKind[]; invalid: string[] } {
  const kinds: PlaceholderKind[] = [];
  const invalid: string[] = [];
  for (const [i, source] of (sources ?? []).entries()) {
    if (!source) continue;
    try {
      const pattern = new RegExp(source, 'gu');
      if (pattern.test('')) throw new Error('matches the empty string');
      kinds.push({ id: `extra-${i}`, pattern, description: { vi: `mẫu bổ sung ${source}`, en: `extra pattern ${source}` } });
    } catch {
      invalid.push(source);
    }
  }
  return { kinds, invalid };
}

/** A combining mark at `i`, tested in place (sticky: no slice per character). */
const MARK_AT = /\p{M}/uy;

/**
 * Text in NFC and, for each NFC index, the source index it came from (NFD input stays exact).
 * Normalised cluster by cluster (a base character and its combining marks, or a run of marks);
 * a character below U+0300 not followed by one is its own NFC, so runs of them are copied whole:
 * an NFD paragraph of Vietnamese is mostly such characters, and it is searched on every keystroke.
 * @internal Exported for its property test.
 */
export function toNfc(source: string): { text: string; map: number[] } {
  if (source === source.normalize('NFC')) return { text: source, map: [] };
  const n = source.length;
  const map: number[] = [];
  let text = '';
  let copied = 0; // source[copied, i) is copied as it is when the next cluster needs normalising
  const markAt = (i: number) => {
    if (i >= n || source.charCodeAt(i) < 0x300) return false;
    MARK_AT.lastIndex = i;
    return MARK_AT.test(source);
  };
  const codePointEnd = (i: number) => i + ((source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
  let i = 0;
  while (i < n) {
    if (source.charCodeAt(i) < 0x300 && !markAt(i + 1)) {
      i++;
      continue;
    }
    const start = i;
    i = codePointEnd(i);
    while (markAt(i)) i = codePointEnd(i);
    if (start > copied) {
      text += source.slice(copied, start);
      for (let k = copied; k < start; k++) map.push(k);
    }
    const piece = source.slice(start, i).normalize('NFC');
    const last = i - start - 1;
    for (let k = 0; k < piece.length; k++) map.push(start + (k < last ? k : last));
    text += piece;
    copied = i;
  }
  if (n > copied) {
    text += source.slice(copied, n);
    for (let k = copied; k < n; k++) map.push(k);
  }
  map.push(n);
  return { text, map };
}

const URL_LIKE = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/giu;

export interface Blank {
  offset: number;
  length: number;
  kind: PlaceholderKind;
}

/** Blanks in `source` (one prose range), offsets relative to it; overlaps keep the first kind listed. */
export function findBlanks(source: string, kinds: readonly PlaceholderKind[]): Blank[] {
  // The strings kinds need are unchanged by NFC (ASCII, "…"): looked for in the source as it is.
  const searched = kinds.filter((k) => !k.needs || k.needs.some((n) => source.includes(n)));
  if (!searched.length) return [];
  const { text, map } = toNfc(source);
  const at = (i: number) => (map.length ? map[i]! : i);
  const urls = [...text.matchAll(URL_LIKE)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const taken: Array<[number, number]> = [];
  const out: Blank[] = [];
  for (const kind of searched) {
    kind.pattern.lastIndex = 0;
    for (const m of text.matchAll(kind.pattern)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (e === s) continue;
      if (urls.some(([a, b]) => s >= a && e <= b)) continue;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      taken.push([s, e]);
      out.push({ offset: at(s), length: at(e) - at(s), kind });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
