import type { DocText } from './text';
import type { Heading } from './parse';
import type { Section } from './outline';
import { family, ORDINALS, toRoman, VIETNAMESE_LETTERS, type Numbering, type NumberingStyle } from './numbering';
import type { Fix } from './types';

export { family };

/** Source range of a heading's number (`III.`, `1.2.`, `Phần thứ hai`), NFD and emphasis aware. */
export function numberRange(text: DocText, heading: Heading): [number, number] | undefined {
  const n = heading.numbering;
  if (!n) return undefined;
  let start = heading.textOffset;
  while (text.charAt(start) === '*' || text.charAt(start) === '_') start++;
  // Map the NFC length of the number back onto the source, which may be NFD.
  let end = start;
  while (end < heading.textEnd && text.slice(start, end).normalize('NFC').length < n.text.length) end++;
  while (end < heading.textEnd && /\p{M}/u.test(text.charAt(end))) end++;
  return end > start ? [start, end] : undefined;
}

/** The separator a number is written with (`.`, `)`, `-`, `–`, `:`, `/` or none). */
function closerOf(n: Numbering): string {
  const last = n.text[n.text.length - 1]!;
  return '.)-–:/'.includes(last) ? last : '';
}

/**
 * The number `value` written in `style`, shaped like `like` when it is of the same family
 * (its separator, its “PHẦN” case), else in the run's usual shape.
 */
export function formatNumber(style: NumberingStyle, value: number, like: Numbering | undefined, prefix: number[] = []): string {
  const closer = like && family(like.style) === family(style) ? closerOf(like) : style.startsWith('part-') ? '' : '.';
  switch (style) {
    case 'roman':
      return toRoman(value) + closer;
    case 'arabic':
      return String(value) + closer;
    case 'decimal':
      return [...prefix, value].join('.') + (like?.style === 'decimal' ? closerOf(like) : '.');
    case 'letter':
      return (VIETNAMESE_LETTERS[value - 1] ?? '?') + closer;
    case 'upper-letter':
      return (VIETNAMESE_LETTERS[value - 1] ?? '?').toLocaleUpperCase('vi') + closer;
    case 'part-ordinal':
    case 'part-roman':
    case 'part-arabic': {
      const word = like && /^PHẦN/u.test(like.text.normalize('NFC')) ? 'PHẦN' : 'Phần';
      const ordinal = style === 'part-ordinal' ? `thứ ${ORDINALS[value - 1] ?? value}` : style === 'part-roman' ? toRoman(value) : String(value);
      const text = `${word} ${word === 'PHẦN' ? ordinal.toLocaleUpperCase('vi') : ordinal}`;
      return text + (like && family(like.style) === 'part' ? closerOf(like) : '');
    }
  }
}

/** A sibling run: the numbered sections among one parent's children, and what they should be. */
export interface Run {
  sections: Section[];
  style: NumberingStyle;
  /** The run's usual shape (separator, “PHẦN” case): a number in another style is written like it. */
  like: Numbering;
  /** Decimal runs: the prefix each number must carry (the parent's number). */
  prefix?: number[];
}

/** The number of a section as its children's decimal prefix, if it has one. */
export function prefixOf(n: Numbering | undefined): number[] | undefined {
  if (!n) return undefined;
  if (n.style === 'decimal') return n.parts;
  if (n.style === 'arabic') return [n.value];
  return undefined;
}

/** `parts` is `prefix` and one more number (`1.2.3` under `1.2`). */
export function isPrefix(prefix: readonly number[], parts: readonly number[]): boolean {
  if (parts.length !== prefix.length + 1) return false;
  for (let i = 0; i < prefix.length; i++) if (parts[i] !== prefix[i]) return false;
  return true;
}

/** Numbered sibling runs of an outline, each with its majority style. */
export function numberingRuns(roots: Section[], all: Section[]): Run[] {
  const runs: Run[] = [];
  // Runs on every keystroke over every section: allocate only for groups that are numbered.
  const add = (group: Section[]) => {
    if (!group.length) return;
    const sections = group.every((s) => s.heading.numbering) ? group : group.filter((s) => s.heading.numbering);
    if (!sections.length) return;
    let like = sections[0]!.heading.numbering!;
    const closer = closerOf(like);
    if (sections.some((s) => s.heading.numbering!.style !== like.style || closerOf(s.heading.numbering!) !== closer)) {
      const numbers = sections.map((s) => s.heading.numbering!);
      // The most common family, then within it the most common style (`Phần I` or `Phần thứ
      // nhất`), then separator; ties go to the first.
      const fam = mostCommon(numbers, (n) => family(n.style));
      const inFamily = numbers.filter((n) => family(n.style) === fam);
      const style = mostCommon(inFamily, (n) => n.style);
      const ofStyle = inFamily.filter((n) => n.style === style);
      const usual = mostCommon(ofStyle, closerOf);
      like = ofStyle.find((n) => closerOf(n) === usual)!;
    }
    const parentPrefix = prefixOf(sections[0]!.parent?.heading.numbering);
    const prefix = like.style === 'decimal' ? parentPrefix ?? like.parts!.slice(0, -1) : undefined;
    runs.push({ sections, style: like.style, like, prefix });
  };
  add(roots);
  for (const s of all) add(s.children);
  return runs;
}

/** The key most items have; the first item's among equals. */
function mostCommon<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return key(items.find((item) => counts.get(key(item)) === top)!);
}

/** What the i-th (0-based) number of a run should read, in the section's own shape. */
export function expectedLabel(run: Run, i: number): string {
  const s = run.sections[i]!;
  const own = s.heading.numbering;
  // A "Phần thứ hai" among "Phần II" is written in the run's part style, in its own shape; a
  // "3." among "a)", "b)" takes the run's shape: "c)".
  const like = own && family(own.style) === family(run.style) ? own : run.like;
  return formatNumber(run.style, i + 1, like, run.prefix);
}

/**
 * Edits that renumber a whole run positionally, and the decimal descendants whose prefixes
 * depend on a changed number (`2.` → `3.` makes `2.1.` → `3.1.`). Only numbers change.
 */
export function renumberEdits(text: DocText, run: Run): Fix[] {
  const edits: Fix[] = [];
  run.sections.forEach((s, i) => {
    const label = expectedLabel(run, i);
    const range = numberRange(text, s.heading);
    if (!range) return;
    const current = text.slice(range[0], range[1]);
    if (current.normalize('NFC') !== label) edits.push({ offset: range[0], length: range[1] - range[0], text: label });
    const oldPrefix = prefixOf(s.heading.numbering);
    const newPrefix = run.style === 'decimal' ? [...(run.prefix ?? []), i + 1] : run.style === 'arabic' ? [i + 1] : undefined;
    if (oldPrefix && newPrefix && oldPrefix.join('.') !== newPrefix.join('.')) edits.push(...reprefix(text, s, oldPrefix, newPrefix));
  });
  return edits;
}

export function reprefix(text: DocText, section: Section, from: number[], to: number[]): Fix[] {
  const edits: Fix[] = [];
  for (const child of section.children) {
    const n = child.heading.numbering;
    if (n?.style !== 'decimal' || n.parts!.slice(0, from.length).join('.') !== from.join('.')) continue;
    const range = numberRange(text, child.heading);
    if (!range) continue;
    const parts = [...to, ...n.parts!.slice(from.length)];
    edits.push({ offset: range[0], length: range[1] - range[0], text: parts.join('.') + closerOf(n) });
    edits.push(...reprefix(text, child, n.parts!, parts));
  }
  return edits;
}
