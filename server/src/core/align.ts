import type { Outline, Section } from './outline';
import { isDescendant } from './outline';
import { containsWords, similarity, wordOverlap } from './normalize';
import { sameNumber } from './numbering';

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

type Score = (expected: Section, actual: Section) => number | undefined;

/** Titles equal after normalisation, or a title-less heading with the outline's number. */
function equalScore(expected: Section, actual: Section): number | undefined {
  const t = expected.heading.keys;
  const r = actual.heading.keys;
  if (t.core && (r.core === t.core || r.full === t.full)) return 1;
  // "# Phần thứ nhất" with the part's title in the next paragraph matches by its number.
  if (!r.core && sameNumber(expected.heading.numbering, actual.heading.numbering)) return 0.8;
  return undefined;
}

/** The author elaborated the outline's title ("Thuận lợi" → "Thuận lợi trong triển khai"). */
function containsScore(expected: Section, actual: Section): number | undefined {
  const t = expected.heading.keys.core;
  if (!t) return undefined;
  const r = actual.heading.keys;
  // Memoised by (outline title, report title): every round asks again for the same pairs.
  let byReport = containsMemo.get(t);
  if (!byReport) containsMemo.set(t, (byReport = new Map()));
  const key = r.core === r.full ? r.full : `${r.full}\u0000${r.core}`;
  let hit = byReport.get(key);
  if (hit === undefined) {
    hit = containsWords(r.full, t) || containsWords(r.core, t);
    if (byReport.size >= 1000) byReport.clear();
    byReport.set(key, hit);
  }
  return hit ? 0.9 : undefined;
}

/** Outline title → report title → does the report's title contain the outline's words. */
const containsMemo = new Map<string, Map<string, boolean>>();

/** Near scores by (outline key, report key): the same pairs come back on every keystroke. */
const nearMemo = new Map<string, number>();
const NEAR_MEMO_LIMIT = 100_000;

function nearScore(expected: Section, actual: Section): number | undefined {
  const t = expected.heading.keys.core;
  const r = actual.heading.keys.core;
  if (!t || !r) return undefined;
  const bar = sameNumber(expected.heading.numbering, actual.heading.numbering) ? NEAR_MATCH_SAME_NUMBER : NEAR_MATCH;
  const key = `${t}\u0000${r}`;
  let score = nearMemo.get(key);
  if (score === undefined) {
    const words = wordOverlap(r, t);
    // Scores below the lowest bar are never used: the edit distance stops early there.
    score = Math.max(words, similarity(r, t, NEAR_MATCH_SAME_NUMBER));
    if (nearMemo.size >= NEAR_MEMO_LIMIT) nearMemo.clear();
    nearMemo.set(key, score);
  }
  return score >= bar ? score : undefined;
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

/** Everything `alignAnew` reads of one report section: level, parent, title keys, number. */
type SectionShape = [level: number, parent: number, core: string, full: string, style: string | undefined, value: number | undefined];

/** The last pairing per template outline, with the shape of the report outline it was made for. */
const lastAlignment = new WeakMap<Outline, { shape: SectionShape[]; pairs: Array<[number, number, boolean]> }>();

function shapeOf(report: Outline): SectionShape[] {
  return report.all.map((s) => [s.level, s.parent?.index ?? -1, s.heading.keys.core, s.heading.keys.full, s.heading.numbering?.style, s.heading.numbering?.value]);
}

/** Compared in place, allocating nothing: this runs on every keystroke. */
function sameShape(shape: readonly SectionShape[], report: Outline): boolean {
  if (shape.length !== report.all.length) return false;
  for (let i = 0; i < shape.length; i++) {
    const s = report.all[i]!;
    const k = shape[i]!;
    if (k[0] !== s.level || k[1] !== (s.parent?.index ?? -1) || k[2] !== s.heading.keys.core || k[3] !== s.heading.keys.full || k[4] !== s.heading.numbering?.style || k[5] !== s.heading.numbering?.value) return false;
  }
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

function alignAnew(template: Outline, report: Outline): Alignment {
  const pairs = new Map<Section, Pair>();
  const byActual = new Map<Section, Pair>();
  const take = (expected: Section, actual: Section, exact: boolean) => {
    const pair = { expected, actual, exact };
    pairs.set(expected, pair);
    byActual.set(actual, pair);
  };
  const scope = (expected: Section): Section[] => {
    const parent = expected.parent && pairs.get(expected.parent)?.actual;
    return parent ? report.all.filter((s) => isDescendant(s, parent)) : report.all;
  };
  const best = (expected: Section, candidates: Section[], score: Score, sameLevel: boolean) => {
    let found: { s: Section; score: number } | undefined;
    for (const s of candidates) {
      if (byActual.has(s) || (sameLevel && s.level !== expected.level)) continue;
      const v = score(expected, s);
      if (v !== undefined && (!found || v > found.score)) found = { s, score: v };
    }
    return found?.s;
  };
  /**
   * Near titles are paired best score first over all candidates (parents before children), not
   * outline section by section, so "chương trình5" goes to "chương trình 5", not to a missing "3".
   */
  function nearRound(sameLevel: boolean): void {
    for (let depth = 1; depth <= 6; depth++) {
      const options: Array<{ expected: Section; actual: Section; score: number }> = [];
      for (const expected of template.all) {
        if (expected.level !== depth || pairs.has(expected)) continue;
        for (const actual of scope(expected)) {
          if (byActual.has(actual) || (sameLevel && actual.level !== expected.level)) continue;
          const v = nearScore(expected, actual);
          if (v === undefined) continue;
          const bonus = sameNumber(expected.heading.numbering, actual.heading.numbering) ? 0.1 : 0;
          options.push({ expected, actual, score: v + bonus });
        }
      }
      options.sort((a, b) => b.score - a.score || a.actual.index - b.actual.index);
      for (const o of options) if (!pairs.has(o.expected) && !byActual.has(o.actual)) take(o.expected, o.actual, false);
    }
  }
  // Rounds, surest first; a section at the outline's level beats one at another level.
  const rounds: Array<{ score: Score; sameLevel: boolean; anywhere: boolean; exact: boolean }> = [
    { score: equalScore, sameLevel: true, anywhere: true, exact: true },
    { score: containsScore, sameLevel: true, anywhere: false, exact: true },
    { score: equalScore, sameLevel: false, anywhere: true, exact: true },
    { score: containsScore, sameLevel: false, anywhere: false, exact: true },
    { score: nearScore, sameLevel: true, anywhere: false, exact: false },
    { score: nearScore, sameLevel: false, anywhere: false, exact: false },
  ];
  for (const round of rounds) {
    if (!round.exact) {
      nearRound(round.sameLevel);
      continue;
    }
    for (const expected of template.all) {
      if (pairs.has(expected)) continue;
      const hit = best(expected, scope(expected), round.score, round.sameLevel) ??
        (round.anywhere ? best(expected, report.all, round.score, round.sameLevel) : undefined);
      if (hit) take(expected, hit, round.exact);
    }
  }
  return { pairs, byActual };
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
