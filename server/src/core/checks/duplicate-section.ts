import type { Check, Draft } from '../check';
import { headingRange, quote } from '../check';
import type { Outline, Section } from '../outline';
import { foldCase } from '../normalize';

/** A title's words, per title text: the same titles come back on every check. */
const WORDS = new Map<string, string>();

/**
 * A title's words, case folded, its number and closing punctuation left out. Not the outline's
 * comparison keys: those take any year for any other ("Kết quả năm 2022" and "… năm 2023" are two sections).
 */
function wordsOf(section: Section): string {
  const h = section.heading;
  let words = WORDS.get(h.text);
  if (words === undefined) {
    const text = h.text.normalize('NFC');
    words = foldCase(text.slice(h.numbering?.length ?? 0)).replace(/\s+/g, ' ').replace(/[\s.:;,]+$/, '').trim();
    if (WORDS.size > 20_000) WORDS.clear();
    WORDS.set(h.text, words);
  }
  return words;
}

/** Each outline's repeated sections, copy → the first of its title (asked by two checks per outline). */
const REPEATS = new WeakMap<Outline, Map<Section, Section>>();

/**
 * The sections that repeat an earlier sibling: same title (numbering aside) and level under the
 * same parent — a section pasted twice — each with the first. Siblings only: "Kết quả" under two
 * different parents is two sections.
 */
export function repeatedSections(outline: Outline): Map<Section, Section> {
  let repeats = REPEATS.get(outline);
  if (repeats) return repeats;
  repeats = new Map();
  const visit = (siblings: readonly Section[]) => {
    const first = new Map<string, Section>();
    for (const s of siblings) {
      const words = wordsOf(s);
      const earlier = words ? first.get(words) : undefined;
      if (earlier) repeats!.set(s, earlier);
      else if (words) first.set(words, s);
      if (s.children.length) visit(s.children);
    }
  };
  visit(outline.roots);
  REPEATS.set(outline, repeats);
  return repeats;
}

export const duplicateSection: Check = {
  code: 'duplicate-section',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Mục bị lặp lại', en: 'Section repeated' },
  run(ctx) {
    const out: Draft[] = [];
    for (const [s, first] of repeatedSections(ctx.outline)) {
      out.push({
        ...headingRange(s),
        message: {
          vi: `Mục ${quote(s)} trùng tên, cùng cấp với mục ${quote(first)} ở trên: có phải đã dán hai lần? Nếu vậy, hãy xóa bản thừa.`,
          en: `Section ${quote(s)} has the same title and level as ${quote(first)} above: pasted twice? If so, delete the extra copy.`,
        },
        related: [{ offset: first.heading.textOffset, length: first.heading.textEnd - first.heading.textOffset, message: { vi: 'Mục cùng tên ở trên', en: 'The section of the same title above' } }],
      });
    }
    return out;
  },
};
