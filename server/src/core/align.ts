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

/** Score of a title that matches without a finding, or undefined. */
function exactScore(expected: Section, actual: Section): number | undefined {
  const t = expected.heading.keys;
  const r = actual.heading.keys;
  if (t.core && (r.core === t.core || r.full === t.full)) return 1;
  // The author elaborated the outline's title ("Thuận lợi" → "Thuận lợi trong triển khai").
  if (t.core && (containsWords(r.full, t.core) || containsWords(r.core, t.core))) return 0.9;
  // A title-less heading ("# Phần thứ nhất" with its title in the next paragraph) matches by number.
  if (!r.core && sameNumber(expected.heading.numbering, actual.heading.numbering)) return 0.8;
  return undefined;
}

function nearScore(expected: Section, actual: Section): number | undefined {
  const t = expected.heading.keys.core;
  const r = actual.heading.keys.core;
  if (!t || !r) return undefined;
  const score = Math.max(similarity(r, t), wordOverlap(r, t));
  const bar = sameNumber(expected.heading.numbering, actual.heading.numbering) ? NEAR_MATCH_SAME_NUMBER : NEAR_MATCH;
  return score >= bar ? score : undefined;
}

/**
 * Pairs the template's sections with the report's: exact titles first (within the matched
 * parent, then anywhere, so a moved section is still found), then near titles within the parent.
 * Every report section is used at most once; extra report sections stay unpaired.
 */
export function align(template: Outline, report: Outline): Alignment {
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
  const best = (expected: Section, candidates: Section[], score: (e: Section, a: Section) => number | undefined) => {
    let found: { s: Section; score: number } | undefined;
    for (const s of candidates) {
      if (byActual.has(s)) continue;
      let v = score(expected, s);
      if (v === undefined) continue;
      if (s.level === expected.level) v += 0.05;
      if (!found || v > found.score) found = { s, score: v };
    }
    return found?.s;
  };
  for (const expected of template.all) {
    const hit = best(expected, scope(expected), exactScore) ?? best(expected, report.all, exactScore);
    if (hit) take(expected, hit, true);
  }
  for (const expected of template.all) {
    if (pairs.has(expected)) continue;
    const hit = best(expected, scope(expected), nearScore);
    if (hit) take(expected, hit, false);
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
