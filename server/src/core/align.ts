import type { Outline, Section } from './outline';
import { containsWords, shortenedScore, similarity, wordOverlap } from './normalize';
import { sameNumber } from './numbering';
import { isPrefix, prefixOf } from './renumber';

/** A template section paired with the report section that stands for it. */
export interface Pair {
  expected: Section;
  actual: Section;
  /** False when the titles only nearly match (a `section-title` finding). */
  exact: boolean;
}

export interface Alignment {
  pairs: Map<Section, Pair>;
  /** The same pairs keyed by the report's section. */
  byActual: Map<Section, Pair>;
}

/** Fuzzy matches below this are different sections; numbers that agree lower the bar. */
const NEAR_MATCH = 0.6;
const NEAR_MATCH_SAME_NUMBER = 0.45;

/**
 * Title keys as small integers, so that the score memos below are keyed without building strings
 * (each alignment asks for every outline × report pair, several times).
 */
const keyIds = new Map<string, number>();
/** Past this many ids or memo entries, all three start afresh (a long session of heading typing). */
const MEMO_LIMIT = 100_000;
let memoEntries = 0;
/** Does report key (id) contain the words of outline core key (id): outline id → report id → answer. */
const containsMemo = new Map<number, Map<number, boolean>>();
/** Near scores: outline core id → report core id → score (words or edit distance). */
const nearMemo = new Map<number, Map<number, number>>();

function idOf(key: string): number {
  let id = keyIds.get(key);
  if (id === undefined) keyIds.set(key, (id = keyIds.size));
  return id;
}

function memoOf<T>(memo: Map<number, Map<number, T>>, id: number): Map<number, T> {
  let inner = memo.get(id);
  if (!inner) memo.set(id, (inner = new Map()));
  return inner;
}

/**
 * Pairs the template's sections with the report's in rounds, surest first so that a loose match
 * cannot take a section another one names exactly: equal titles (within the matched parent, then
 * anywhere, so a moved section is still found), then elaborated titles, then near titles, both
 * within the parent — each first at the outline's level, then at any level (a demoted section).
 * Every report section is used at most once; extra sections stay unpaired.
 */
export function align(template: Outline, report: Outline): Alignment {
  // Most keystrokes change no heading: the pairing is then the last one, by section index.
  const last = lastAlignment.get(template);
  if (last && sameShape(last.shape, report)) return fromIndices(template, report, last.pairs);
  const alignment = alignAnew(template, report);
  lastAlignment.set(template, { shape: shapeOf(report), pairs: [...alignment.pairs.values()].map((p) => [p.expected.index, p.actual.index, p.exact]) });
  return alignment;
}

/** Everything `alignAnew` reads of one report section: level, parent, title keys, number (`4.1` and `6.1` both have value 1). */
type SectionShape = [level: number, parent: number, core: string, full: string, style: string | undefined, value: number | undefined, parts: readonly number[] | undefined];

/** The last pairing per template outline, with the shape of the report outline it was made for. */
const lastAlignment = new WeakMap<Outline, { shape: SectionShape[]; pairs: Array<[number, number, boolean]> }>();

function shapeOf(report: Outline): SectionShape[] {
  return report.all.map((s) => [s.level, s.parent?.index ?? -1, s.heading.keys.core, s.heading.keys.full, s.heading.numbering?.style, s.heading.numbering?.value, s.heading.numbering?.parts]);
}

/** Compared in place, allocating nothing: this runs on every keystroke. */
function sameShape(shape: readonly SectionShape[], report: Outline): boolean {
  if (shape.length !== report.all.length) return false;
  for (let i = 0; i < shape.length; i++) {
    const s = report.all[i]!;
    const k = shape[i]!;
    if (k[0] !== s.level || k[1] !== (s.parent?.index ?? -1) || k[2] !== s.heading.keys.core || k[3] !== s.heading.keys.full || k[4] !== s.heading.numbering?.style || k[5] !== s.heading.numbering?.value) return false;
    if (!sameParts(k[6], s.heading.numbering?.parts)) return false;
  }
  return true;
}

function sameParts(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function fromIndices(template: Outline, report: Outline, indices: ReadonlyArray<[number, number, boolean]>): Alignment {
  const pairs = new Map<Section, Pair>();
  const byActual = new Map<Section, Pair>();
  for (const [e, a, exact] of indices) {
    const pair = { expected: template.all[e]!, actual: report.all[a]!, exact };
    pairs.set(pair.expected, pair);
    byActual.set(pair.actual, pair);
  }
  return { pairs, byActual };
}

/** Report section indices by title key id. */
function indexBy(ids: readonly number[]): Map<number, number[]> {
  const by = new Map<number, number[]>();
  for (let a = 0; a < ids.length; a++) {
    const list = by.get(ids[a]!);
    if (list) list.push(a);
    else by.set(ids[a]!, [a]);
  }
  return by;
}

/**
 * An outline heading that is only its number (`# PHẦN THỨ NHẤT`; its keys may be those of the bold
 * title under it, see `templates.ts`): the report's section with that number is it, whatever its title.
 */
export function numberOnly(section: Section): boolean {
  const h = section.heading;
  return Boolean(h.numbering) && !h.text.slice(h.numbering!.length).trim();
}

/**
 * An outline title that stands in for the report's own, naming only its number in a few words
 * (`4. Nội dung chương trình 4`: each report names its programme there): the report's section of
 * that number under the parent's match is it, titled as the author titled it.
 */
export function standIn(section: Section): boolean {
  const h = section.heading;
  const n = h.numbering;
  if (!n) return false;
  const m = /^\S+(?:\s+\S+){0,3}\s+(\d{1,2})$/u.exec(h.text.slice(n.length).trim());
  return Boolean(m) && Number(m![1]) === n.value;
}

/**
 * The rounds of `align` over index ranges and integer keys: each round asks, per outline section,
 * for the first report section in document order with the best score, as a plain scan would, but
 * equal titles are looked up by key and a scan for elaborated titles stops at the first hit (all
 * score alike). `test/core/align.test.ts` holds it to the straightforward scan.
 */
function alignAnew(template: Outline, report: Outline): Alignment {
  const all = report.all;
  const n = all.length;
  // Cleared only here, before this alignment takes its ids, so that no id changes meaning during it.
  if (keyIds.size + 2 * (template.all.length + n) > MEMO_LIMIT || memoEntries > MEMO_LIMIT) {
    keyIds.clear();
    memoEntries = 0;
    containsMemo.clear();
    nearMemo.clear();
  }
  const outlineCore = template.all.map((s) => idOf(s.heading.keys.core));
  const outlineFull = template.all.map((s) => idOf(s.heading.keys.full));
  const reportCore = all.map((s) => idOf(s.heading.keys.core));
  const reportFull = all.map((s) => idOf(s.heading.keys.full));
  const byCore = indexBy(reportCore);
  const byFull = indexBy(reportFull);
  /** Report sections without a title ("# Phần thứ nhất" alone): they match by number. */
  const untitled: number[] = [];
  for (let a = 0; a < n; a++) if (!all[a]!.heading.keys.core) untitled.push(a);
  // A section's descendants follow it in document order: `subtreeEnd[i]` is one past the last.
  const subtreeEnd = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const children = all[i]!.children;
    subtreeEnd[i] = children.length ? subtreeEnd[children[children.length - 1]!.index]! : i + 1;
  }
  /** Report sections already paired. */
  const taken = new Uint8Array(n);

  const pairs = new Map<Section, Pair>();
  const byActual = new Map<Section, Pair>();
  const take = (expected: Section, a: number, exact: boolean) => {
    const pair = { expected, actual: all[a]!, exact };
    pairs.set(expected, pair);
    byActual.set(pair.actual, pair);
    taken[a] = 1;
  };
  /** Is report section `a` under the match of `expected`'s parent? */
  const inParentMatch = (expected: Section, a: number) => {
    const parent = expected.parent && pairs.get(expected.parent)?.actual;
    return Boolean(parent && a > parent.index && a < subtreeEnd[parent.index]!);
  };
  /** Can report section `a` in [from, to) still pair with `expected`? Outside its parent's match, not another section's own sub-item. */
  const open = (expected: Section, a: number, from: number, to: number, sameLevel: boolean) =>
    a >= from && a < to && !taken[a] && (sameLevel ? all[a]!.level === expected.level : !farUnderOther(expected, all[a]!, byActual)) && !(ownSubsectionOfOther(expected, all[a]!) && !inParentMatch(expected, a));
  /** The first open section of `list` (ascending) in [from, to). */
  const firstOpen = (expected: Section, list: readonly number[] | undefined, from: number, to: number, sameLevel: boolean, also?: (a: number) => boolean) => {
    if (list) for (const a of list) if (open(expected, a, from, to, sameLevel) && (!also || also(a))) return a;
    return -1;
  };

  /**
   * Titles equal after normalisation (score 1), else a title-less heading (in the report or the
   * outline) with the outline's number (0.8): the first such report section in [from, to).
   */
  const equalIn = (expected: Section, from: number, to: number, sameLevel: boolean): number => {
    if (expected.heading.keys.core) {
      const a = firstOpen(expected, byCore.get(outlineCore[expected.index]!), from, to, sameLevel);
      const b = firstOpen(expected, byFull.get(outlineFull[expected.index]!), from, to, sameLevel);
      if (a >= 0 || b >= 0) return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
    if (numberOnly(expected)) {
      // An outline heading that is only its number ("# PHẦN THỨ NHẤT", the title on the line below)
      // gives no words to compare: the report's section with that number is it, titled or not.
      for (let a = from; a < to; a++) if (open(expected, a, from, to, sameLevel) && sameNumber(expected.heading.numbering, all[a]!.heading.numbering)) return a;
      return -1;
    }
    if (standIn(expected)) {
      // Likewise a stand-in title, but only where it stands (under its parent's match), and not a
      // section titled as one of its siblings (`4. Đánh giá chung` is the outline's `6. Đánh giá chung`).
      const siblings = expected.parent ? expected.parent.children : template.roots;
      const siblingTitle = (a: number) => siblings.some((o) => o.heading.keys.core && (outlineCore[o.index] === reportCore[a] || outlineFull[o.index] === reportFull[a]));
      for (let a = from; a < to; a++) {
        if (open(expected, a, from, to, sameLevel) && sameNumber(expected.heading.numbering, all[a]!.heading.numbering) && (!expected.parent || inParentMatch(expected, a)) && !siblingTitle(a)) return a;
      }
    }
    return firstOpen(expected, untitled, from, to, sameLevel, (a) => sameNumber(expected.heading.numbering, all[a]!.heading.numbering));
  };
  const contains = (t: string, tId: number, x: string, xId: number): boolean => {
    const memo = memoOf(containsMemo, tId);
    let hit = memo.get(xId);
    if (hit === undefined) {
      memo.set(xId, (hit = containsWords(x, t)));
      memoEntries++;
    }
    return hit;
  };
  /** The author elaborated the outline's title ("Thuận lợi" → "Thuận lợi trong triển khai"). */
  const containsIn = (expected: Section, from: number, to: number, sameLevel: boolean): number => {
    const t = expected.heading.keys.core;
    if (!t) return -1;
    const tId = outlineCore[expected.index]!;
    for (let a = from; a < to; a++) {
      if (!open(expected, a, from, to, sameLevel)) continue;
      const r = all[a]!.heading.keys;
      if (contains(t, tId, r.full, reportFull[a]!) || contains(t, tId, r.core, reportCore[a]!)) return a;
    }
    return -1;
  };
  const nearScore = (expected: Section, a: number): number | undefined => {
    const t = expected.heading.keys.core;
    const r = all[a]!.heading.keys.core;
    if (!t || !r) return undefined;
    const bar = sameNumber(expected.heading.numbering, all[a]!.heading.numbering) ? NEAR_MATCH_SAME_NUMBER : NEAR_MATCH;
    const memo = memoOf(nearMemo, outlineCore[expected.index]!);
    let score = memo.get(reportCore[a]!);
    if (score === undefined) {
      // Scores below the lowest bar are never used: the edit distance stops early there.
      score = Math.max(wordOverlap(r, t), similarity(r, t, NEAR_MATCH_SAME_NUMBER), shortenedScore(r, t));
      memo.set(reportCore[a]!, score);
      memoEntries++;
    }
    return score >= bar ? score : undefined;
  };
  /** The report sections an outline section may pair with: under its parent's match, if any. */
  const scopeOf = (expected: Section): [from: number, to: number] => {
    const parent = expected.parent && pairs.get(expected.parent)?.actual;
    return parent ? [parent.index + 1, subtreeEnd[parent.index]!] : [0, n];
  };
  /**
   * Near titles are paired best score first over all candidates (parents before children), not
   * outline section by section, so "chương trình5" goes to "chương trình 5", not to a missing "3".
   */
  function nearRound(sameLevel: boolean): void {
    for (let depth = 1; depth <= 6; depth++) {
      const options: Array<{ expected: Section; actual: number; score: number }> = [];
      for (const expected of template.all) {
        if (expected.level !== depth || pairs.has(expected)) continue;
        const [from, to] = scopeOf(expected);
        for (let a = from; a < to; a++) {
          if (!open(expected, a, from, to, sameLevel)) continue;
          const v = nearScore(expected, a);
          if (v === undefined) continue;
          const bonus = sameNumber(expected.heading.numbering, all[a]!.heading.numbering) ? 0.1 : 0;
          options.push({ expected, actual: a, score: v + bonus });
        }
      }
      options.sort((a, b) => b.score - a.score || a.actual - b.actual);
      for (const o of options) if (!pairs.has(o.expected) && !taken[o.actual]) take(o.expected, o.actual, false);
    }
  }
  // Rounds, surest first; a section at the outline's level beats one at another level.
  const rounds: Array<{ find?: typeof equalIn; sameLevel: boolean; anywhere: boolean }> = [
    { find: equalIn, sameLevel: true, anywhere: true },
    { find: containsIn, sameLevel: true, anywhere: false },
    { find: equalIn, sameLevel: false, anywhere: true },
    { find: containsIn, sameLevel: false, anywhere: false },
    { sameLevel: true, anywhere: false },
    { sameLevel: false, anywhere: false },
  ];
  for (const { find, sameLevel, anywhere } of rounds) {
    if (!find) {
      nearRound(sameLevel);
      continue;
    }
    for (const expected of template.all) {
      if (pairs.has(expected)) continue;
      const [from, to] = scopeOf(expected);
      let hit = find(expected, from, to, sameLevel);
      if (hit < 0 && anywhere) hit = find(expected, 0, n, sameLevel);
      if (hit >= 0) take(expected, hit, true);
    }
  }
  pairByChildren(template, pairs, byActual, (expected, actual) => take(expected, actual.index, false));
  return { pairs, byActual };
}

/**
 * A last round, after the titles: an outline section left unpaired whose subsections pair with
 * the subsections of one unpaired report section at its level (in its parent's match, if any) is
 * that section, its title reworded past the near bar (`4. Thực hiện dân chủ, giám sát …` for the
 * outline's long `3. Thực hiện dân chủ, đại diện, …`, its a)–d) paired with the outline's). Left
 * apart, the outline's section would be “missing”, inserted between that heading and its own
 * a)–d), and the next missing one offered as a rename of it. Paired as a near title.
 */
export function pairByChildren(template: Outline, pairs: ReadonlyMap<Section, Pair>, byActual: ReadonlyMap<Section, Pair>, take: (expected: Section, actual: Section) => void): void {
  for (const expected of template.all) {
    if (pairs.has(expected) || !expected.children.length) continue;
    let parent: Section | undefined;
    let paired = 0;
    for (const child of expected.children) {
      const actual = pairs.get(child)?.actual;
      if (!actual) continue;
      if (!actual.parent || (parent && actual.parent !== parent)) {
        parent = undefined;
        break;
      }
      parent = actual.parent;
      paired++;
    }
    if (!parent || byActual.has(parent) || parent.level !== expected.level) continue;
    if (paired < Math.min(2, expected.children.length)) continue;
    // Its number, or some of its words: sub-items as common as “Kết quả đạt được”, “Hạn chế” do not
    // make “4. Công tác đối ngoại” the outline's “6. Đánh giá chung”.
    if (!sameNumber(expected.heading.numbering, parent.heading.numbering) && wordOverlap(expected.heading.keys.core, parent.heading.keys.core) < 0.3) continue;
    const scope = expected.parent && pairs.get(expected.parent)?.actual;
    if (scope && parent.parent !== scope) continue;
    take(expected, parent);
  }
}

/**
 * Report section `actual` is two levels or more from `expected` and inside a section paired with
 * one that is not `expected`'s ancestor: a sub-item of other content that shares its title
 * (`1.2. Khen thưởng` under `II. NỘI DUNG`), not the outline's `IV. KHEN THƯỞNG` moved there.
 * One level off, or outside every paired section, it may still be a section moved or re-levelled.
 */
export function farUnderOther(expected: Section, actual: Section, byActual: ReadonlyMap<Section, Pair>): boolean {
  if (Math.abs(actual.level - expected.level) < 2) return false;
  for (let p = actual.parent; p; p = p.parent) {
    const pair = byActual.get(p);
    if (!pair) continue;
    for (let q = expected.parent; q; q = q.parent) if (q === pair.expected) return false;
    return true;
  }
  return false;
}

/**
 * Report section `actual` is numbered as its own parent's subsection (`4.1.` under `4.`) and
 * `expected` as another's (`6.1.`): a sub-item of that section that shares a common title (“Kết quả
 * đạt được”, “Hạn chế, yếu kém”), not the outline's section moved there, which keeps its number.
 */
export function ownSubsectionOfOther(expected: Section, actual: Section): boolean {
  const e = expected.heading.numbering;
  const a = actual.heading.numbering;
  if (e?.style !== 'decimal' || a?.style !== 'decimal' || e.parts!.length < 2) return false;
  const parent = prefixOf(actual.parent?.heading.numbering);
  if (!parent || !isPrefix(parent, a.parts!)) return false;
  return !isPrefix(e.parts!.slice(0, -1), a.parts!);
}

/** Indices of a longest strictly increasing subsequence of `values`. */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}
