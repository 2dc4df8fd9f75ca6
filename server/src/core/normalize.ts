import { parseNumbering } from './numbering';

/**
 * Comparison keys for titles. Positions are never taken from normalised text: callers keep the
 * original offsets and only compare keys.
 */

/** A whole-word pattern; JavaScript's \b only knows ASCII letters, Vietnamese needs \p{L}. */
function word(w: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, 'gu');
}

/** Common abbreviations in MTTQ documents, expanded so that "MTTQ" equals "Mặt trận Tổ quốc". */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [word('ubmttqvn'), 'ủy ban mặt trận tổ quốc việt nam'],
  [word('ubmttq'), 'ủy ban mặt trận tổ quốc'],
  [word('mttqvn'), 'mặt trận tổ quốc việt nam'],
  [word('mttq'), 'mặt trận tổ quốc'],
  [word('hđnd'), 'hội đồng nhân dân'],
  [word('ubnd'), 'ủy ban nhân dân'],
  [word('đbqh'), 'đại biểu quốc hội'],
  [word('btt'), 'ban thường trực'],
  [word('btv'), 'ban thường vụ'],
];

/** Old-style tone placement ("hoà", "uỷ") folded to the new style ("hòa", "ủy") used in the seeds. */
const TONE_PLACEMENT: ReadonlyArray<[RegExp, string]> = [
  [/oà/gu, 'òa'], [/oá/gu, 'óa'], [/oả/gu, 'ỏa'], [/oã/gu, 'õa'], [/oạ/gu, 'ọa'],
  [/oè/gu, 'òe'], [/oé/gu, 'óe'], [/oẻ/gu, 'ỏe'], [/oẽ/gu, 'õe'], [/oẹ/gu, 'ọe'],
  [/uỳ/gu, 'ùy'], [/uý/gu, 'úy'], [/uỷ/gu, 'ủy'], [/uỹ/gu, 'ũy'], [/uỵ/gu, 'ụy'],
];

/** NFC + Vietnamese-aware lower case, with old/new tone placement folded together. */
export function foldCase(text: string): string {
  let s = text.normalize('NFC').toLocaleLowerCase('vi');
  for (const [re, to] of TONE_PLACEMENT) s = s.replace(re, to);
  return s;
}

/** “(nếu có)”, also as outlines vary it: “[nếu có]”, or “– nếu có” ending the title. */
const OPTIONAL_MARK_SOURCE = String.raw`[([]\s*nếu\s+có\s*[)\]]|\s[-–—]\s*nếu\s+có\s*$`;
const OPTIONAL_MARK = new RegExp(OPTIONAL_MARK_SOURCE, 'gu');
/** As written, any case, with the spaces before it (titles are not folded there). */
const OPTIONAL_MARK_WRITTEN = new RegExp(String.raw`\s*(?:${OPTIONAL_MARK_SOURCE})`, 'giu');

/** True when a title says "(nếu có)" ("if any"): the section is optional. */
export function isOptionalTitle(title: string): boolean {
  return foldCase(title).search(OPTIONAL_MARK) >= 0;
}

/** The title without the outline's "(nếu có)": a note to the writer, not words of the title. */
export function withoutOptionalMark(title: string): string {
  const nfc = title.normalize('NFC');
  const out = nfc.replace(OPTIONAL_MARK_WRITTEN, '');
  return out === nfc ? title : out.trim();
}

export interface TitleKeys {
  /** Whole title: case-folded, numbering stripped, "(nếu có)" and punctuation dropped. */
  full: string;
  /** As `full`, with every parenthetical note dropped as well. */
  core: string;
}

function squash(s: string): string {
  return s
    .replace(/(?<!\p{N})(19|20)\d\d(?!\p{N})/gu, 'yyyy') // a report of another year still matches its outline
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    // “và” joins as a comma does: “Ưu điểm và kết quả đạt được” is “Ưu điểm, kết quả đạt được”.
    .replace(/(^| )và(?= |$)/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Comparison keys of a heading title (with or without its numbering prefix). */
export function titleKeys(title: string): TitleKeys {
  const nfc = title.normalize('NFC');
  const numbering = parseNumbering(nfc);
  let s = foldCase(numbering ? nfc.slice(numbering.length) : nfc);
  s = s.replace(OPTIONAL_MARK, ' ');
  for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  const core = s.replace(/\([^()]*\)/gu, ' ');
  return { full: squash(s), core: squash(core) };
}

/**
 * Levenshtein distance over UTF-16 units of two (already normalised) strings. With `max`, gives up
 * as soon as the distance must exceed it and returns `max + 1` (cheap rejection of far titles).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * 1 for equal strings, towards 0 as they differ (edit distance over the longer length). With
 * `atLeast`, any value below it may be returned as 0 (the distance is not computed out).
 */
export function similarity(a: string, b: string, atLeast = 0): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const max = Math.floor((1 - atLeast) * longest);
  const d = editDistance(a, b, max);
  return d > max ? 0 : 1 - d / longest;
}

/** Share of words of `a` and `b` they have in common (Dice coefficient over word sets). */
export function wordOverlap(a: string, b: string): number {
  return setOverlap(wordSet(a), wordSet(b));
}

/** The words of a key (space-separated). */
export function wordSet(key: string): Set<string> {
  return new Set(key.split(' ').filter(Boolean));
}

/** `wordOverlap` of two word sets (for sets kept between calls). */
export function setOverlap(wa: ReadonlySet<string>, wb: ReadonlySet<string>): number {
  if (!wa.size || !wb.size) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/**
 * How near a report title is to an outline title it shortens — a run of the outline's words, its
 * citation left out (`2. Công tác phối hợp với chính quyền` for `2. Công tác phối hợp với chính
 * quyền thực hiện Chương trình phối hợp số 2417/CTPH-… về …`): 0.6 for its first five words or more,
 * 0.5 for another run of three or more (near only with the same number), else 0.
 */
export function shortenedScore(report: string, outline: string): number {
  if (report.length >= outline.length) return 0;
  let words = 0;
  for (const w of report.split(' ')) if (w) words++;
  if (words < 3 || !containsWords(outline, report)) return 0;
  return words >= 5 && outline.startsWith(`${report} `) ? 0.6 : 0.5;
}

/** Does `haystack` contain the words of `needle` as a contiguous run? */
export function containsWords(haystack: string, needle: string): boolean {
  if (!needle) return false;
  return ` ${haystack} `.includes(` ${needle} `);
}
