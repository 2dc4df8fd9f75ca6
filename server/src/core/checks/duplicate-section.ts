import type { Check, Draft } from '../check';
import { headingRange, quote } from '../check';
import type { Section } from '../outline';
import { foldCase } from '../normalize';

/**
 * The earlier sibling a section repeats: same title (compared as titles are, numbering aside) and
 * same level under the same parent — a section pasted twice. Siblings only: "Kết quả" under two
 * different parents is two sections.
 */
export function repeatedSibling(section: Section, siblings: readonly Section[]): Section | undefined {
  const key = wordsOf(section);
  if (!key) return undefined;
  for (const s of siblings) {
    if (s === section) return undefined;
    if (wordsOf(s) === key) return s;
  }
  return undefined;
}

/**
 * A title's words, case folded, its number and closing punctuation left out. Not the outline's
 * comparison keys: those take any year for any other ("Kết quả năm 2022" and "… năm 2023" are two sections).
 */
function wordsOf(section: Section): string {
  const h = section.heading;
  const text = h.text.normalize('NFC');
  return foldCase(text.slice(h.numbering?.length ?? 0)).replace(/\s+/g, ' ').replace(/[\s.:;,]+$/, '').trim();
}

export const duplicateSection: Check = {
  code: 'duplicate-section',
  defaultLevel: 'warning',
  fixable: false,
  title: { vi: 'Mục bị lặp lại', en: 'Section repeated' },
  run(ctx) {
    const out: Draft[] = [];
    const visit = (siblings: readonly Section[]) => {
      for (const s of siblings) {
        const first = repeatedSibling(s, siblings);
        if (first) {
          out.push({
            ...headingRange(s),
            message: {
              vi: `Mục ${quote(s)} lặp lại mục ${quote(first)} ở trên (cùng tên, cùng cấp): có phải đã dán hai lần?`,
              en: `Section ${quote(s)} repeats ${quote(first)} above (same title, same level): pasted twice?`,
            },
            related: [{ offset: first.heading.textOffset, length: first.heading.textEnd - first.heading.textOffset, message: { vi: 'Mục cùng tên ở trên', en: 'The section of the same title above' } }],
          });
        }
        visit(s.children);
      }
    };
    visit(ctx.outline.roots);
    return out;
  },
};
