/**
 * Section numbers as Vietnamese administrative documents write them: `I.`, `1.`, `1.1.`, `a)`,
 * `A.`, `Phần thứ nhất`, `Phần I`, and Word's `1/`, `a/`, `1-`. Parsing works on NFC text; callers
 * map lengths back themselves when the source is NFD (see parse.ts).
 */

export type NumberingStyle =
  | 'roman'
  | 'arabic'
  | 'decimal'
  | 'letter'
  | 'upper-letter'
  | 'part-ordinal'
  | 'part-roman'
  | 'part-arabic';

export interface Numbering {
  style: NumberingStyle;
  /** Position in its run, 1-based (`III` → 3, `đ` → 5, `1.2.3` → 3). 0 when it has no place in the style's order. */
  value: number;
  /** Decimal numbers only: all parts, `1.2.3` → [1, 2, 3]. */
  parts?: number[];
  /** The number as written, without trailing spaces (`III.`, `a)`, `1.2.`, `Phần thứ hai`). */
  text: string;
  /** UTF-16 units the prefix takes, trailing separator and spaces included. */
  length: number;
}

/** The Vietnamese alphabet as documents letter their items: no f, j, w, z. */
export const VIETNAMESE_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

export const ORDINALS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Value of a well-formed Roman numeral up to 399, else 0. */
export function romanValue(s: string): number {
  if (!/^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(s) || !s) return 0;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function toRoman(n: number): string {
  const table: Array<[number, string]> = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

const END = String.raw`(?=\s|$)`;
const PART_ORDINAL = new RegExp(String.raw`^\s*phần\s+thứ\s+(${ORDINALS.join('|')}|bốn)(?![\p{L}\p{N}])\s*[.:\-–—]?\s*`, 'iu');
const PART_NUMBER = new RegExp(String.raw`^\s*phần\s+([IVXLC]+|\d+)(?![\p{L}\p{N}])\s*[.:\-–—]?\s*`, 'iu');
const DECIMAL = new RegExp(String.raw`^\s*(\d+(?:\.\d+)+)\.?${END}\s*`, 'u');
/**
 * `1/`, `a/`, `1-`, `a–` as Word users type them: only glued to the number and followed by a
 * space, so that `2/3 số hộ`, `15/6`, `1-2 người`, `V/v` and `2019 - 2024` stay prose. Two digits
 * at most: `2019- 2024` is a span of years, not section 2019.
 */
const GLUED = String.raw`[/\-–]`;
const ARABIC = new RegExp(String.raw`^\s*(?:(\d+)\s?[.)]|(\d{1,2})${GLUED})${END}\s*`, 'u');
const ROMAN = new RegExp(String.raw`^\s*([IVXLC]+)(?:\s?[.)\-–:]|/)${END}\s*`, 'u');
const LETTER = new RegExp(String.raw`^\s*([a-zđ])(?:\s?[.)]|${GLUED})${END}\s*`, 'u');
const UPPER_LETTER = new RegExp(String.raw`^\s*([A-ZĐ])(?:\s?[.)]|${GLUED})${END}\s*`, 'u');

function make(style: NumberingStyle, value: number, m: RegExpExecArray, parts?: number[]): Numbering {
  return { style, value, text: m[0].trim(), length: m[0].length, ...(parts ? { parts } : {}) };
}

/** The numbering prefix at the start of a title (NFC), or undefined when it has none. */
export function parseNumbering(title: string): Numbering | undefined {
  let m = PART_ORDINAL.exec(title);
  if (m) {
    const word = m[1]!.toLocaleLowerCase('vi');
    return make('part-ordinal', word === 'bốn' ? 4 : ORDINALS.indexOf(word) + 1, m);
  }
  if ((m = PART_NUMBER.exec(title))) {
    const token = m[1]!;
    return /^\d+$/.test(token) ? make('part-arabic', Number(token), m) : make('part-roman', romanValue(token.toUpperCase()), m);
  }
  if ((m = DECIMAL.exec(title))) {
    const parts = m[1]!.split('.').map(Number);
    return make('decimal', parts[parts.length - 1]!, m, parts);
  }
  if ((m = ARABIC.exec(title))) return make('arabic', Number(m[1] ?? m[2]), m);
  if ((m = ROMAN.exec(title)) && romanValue(m[1]!) > 0) return make('roman', romanValue(m[1]!), m);
  if ((m = LETTER.exec(title))) return make('letter', VIETNAMESE_LETTERS.indexOf(m[1]!) + 1, m);
  if ((m = UPPER_LETTER.exec(title))) return make('upper-letter', VIETNAMESE_LETTERS.indexOf(m[1]!.toLocaleLowerCase('vi')) + 1, m);
  return undefined;
}

/**
 * A one-letter Roman number (`C.`, `I)`, `V.`, `X.`, `L.`) read as the capital letter it also is,
 * for a run of `A.`, `B.` …; undefined when it is not one.
 */
export function asUpperLetter(n: Numbering): Numbering | undefined {
  const m = /^([CILVX])[.)]$/.exec(n.text);
  if (n.style !== 'roman' || !m) return undefined;
  return { style: 'upper-letter', value: VIETNAMESE_LETTERS.indexOf(m[1]!.toLowerCase()) + 1, text: n.text, length: n.length };
}

/** `n` read as a capital letter when a neighbour is the letter before or after it (`B.` `C.`, `C.` `D.`). */
export function letterInRun(n: Numbering, before: Numbering | undefined, after: Numbering | undefined): Numbering | undefined {
  const letter = asUpperLetter(n);
  if (!letter) return undefined;
  const next = (a: Numbering | undefined, step: number) => a?.style === 'upper-letter' && a.value === letter.value + step;
  return next(before, -1) || next(after, 1) ? letter : undefined;
}

/** Same kind of number, for comparing a report's number with an outline's. */
export function sameNumber(a: Numbering | undefined, b: Numbering | undefined): boolean {
  return Boolean(a && b && a.value === b.value && sameStyle(a, b));
}

/** Numbered alike, so that their values compare: `Phần I` and `Phần thứ hai`, `1.` and `2.1.`. */
export function sameStyle(a: Numbering, b: Numbering): boolean {
  return family(a.style) === family(b.style);
}

/** Style families: `Phần thứ hai`, `Phần II` and `Phần 2` are one family (parts). */
export function family(style: NumberingStyle): string {
  return style.startsWith('part-') ? 'part' : style;
}
