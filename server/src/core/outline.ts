import type { DocText } from './text';
import { letterInRun } from './numbering';
import type { Heading, ParsedMarkdown } from './parse';

/** A section: a heading and everything up to the next heading of the same or a higher rank. */
export interface Section {
  heading: Heading;
  /** Level relative to the document's top section level: 1 for top sections. */
  level: number;
  parent?: Section;
  children: Section[];
  /** Position in document order among all sections. */
  index: number;
  /** Offset where the section's own body starts (the line after the heading). */
  bodyOffset: number;
  /** Offset where the section ends, subsections included. */
  end: number;
  /** The title says "(nếu có)". */
  optional: boolean;
}

export interface Outline {
  /** The document's title heading, when it has one above its sections (`# BÁO CÁO …` over `## I. …`). */
  title?: Heading;
  /** Its subject line typed as a heading right under it (`## Kết quả công tác … năm 2025`), over every section. */
  subtitle?: Heading;
  /** Markdown depth of the top sections. */
  topDepth: number;
  roots: Section[];
  /** All sections in document order. */
  all: Section[];
}

/**
 * The title is a lone, unnumbered heading that comes first and sits above every other heading;
 * sections are then levelled from the next depth, so `#` title + `##` sections matches a `#` outline.
 */
function findTitle(headings: Heading[]): Heading | undefined {
  const first = headings[0];
  if (!first || first.numbering) return undefined;
  // A report begun with its title alone (`# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ`): its sections go below it.
  if (headings.length < 2) return DOCUMENT_TITLE.test(first.text.normalize('NFC')) ? first : undefined;
  if (headings.slice(1).every((h) => h.depth > first.depth)) return first;
  // `# BÁO CÁO …` over `# I. …` (or over `# ĐẶT VẤN ĐỀ`, then `# I. …`): a title typed at its
  // sections' level still names the kind of document, and numbered sections follow it.
  if (!DOCUMENT_TITLE.test(first.text.normalize('NFC'))) return undefined;
  return headings.some((h, i) => i > 0 && h.depth === first.depth && h.numbering) ? first : undefined;
}

/** The kinds of document a title names first. */
export const DOCUMENT_KINDS = ['ĐỀ CƯƠNG', 'BÁO CÁO', 'KẾ HOẠCH', 'TỜ TRÌNH', 'THÔNG BÁO', 'CHƯƠNG TRÌNH', 'ĐỀ ÁN', 'HƯỚNG DẪN', 'BIÊN BẢN', 'QUY CHẾ', 'DIỄN VĂN',
  // Documents that go with a conference or a plan and repeat its name, and are none of the outlines' kind.
  'GIẤY MỜI', 'THƯ MỜI', 'GIẤY TRIỆU TẬP', 'QUYẾT ĐỊNH', 'NGHỊ QUYẾT', 'KẾT LUẬN', 'THAM LUẬN', 'BÀI PHÁT BIỂU', 'PHÁT BIỂU', 'CÔNG VĂN', 'THƯ NGỎ', 'LỜI KÊU GỌI', 'DANH SÁCH', 'TRÍCH BIÊN BẢN'] as const;

/** The words a report's or an outline's title begins with: the kind of document (or `DỰ THẢO`, a draft of any). */
export const DOCUMENT_TITLE = new RegExp(`^(?:${[...DOCUMENT_KINDS, 'DỰ THẢO'].join('|')})(?=\\s|$)`, 'iu');

/**
 * Builds the section tree of a parsed report or template; `unmarked` adds titles typed as plain
 * paragraphs, so a report pasted from Word is checked as the author sees it.
 */
export function buildOutline(doc: ParsedMarkdown, unmarked: readonly Heading[] = [], subtitles = true): Outline {
  const headingsAndTitles = unmarked.length ? [...doc.headings, ...unmarked].sort((a, b) => a.offset - b.offset) : doc.headings;
  // A heading with no text (a stray `###`) is no section: as a parent it would misplace the ones after it.
  const all = headingsAndTitles.some((h) => !h.text.trim()) ? headingsAndTitles.filter((h) => h.text.trim()) : headingsAndTitles;
  const title = findTitle(all);
  const subtitle = subtitles && title && findSubtitle(doc.text, title, all.slice(1));
  const headings = all.slice((title ? 1 : 0) + (subtitle ? 1 : 0));
  const topDepth = headings.reduce((min, h) => Math.min(min, h.depth), 6);
  const roots: Section[] = [];
  const sections: Section[] = [];
  const stack: Section[] = [];
  const textEnd = doc.text.length;
  for (const heading of headings) {
    while (stack.length && stack[stack.length - 1]!.heading.depth >= heading.depth) {
      stack.pop()!.end = heading.offset;
    }
    const parent = stack[stack.length - 1];
    const section: Section = {
      heading,
      level: heading.depth - topDepth + 1,
      parent,
      children: [],
      index: sections.length,
      bodyOffset: lineEndAfter(doc.text, heading.end),
      end: textEnd,
      optional: heading.optional,
    };
    (parent ? parent.children : roots).push(section);
    sections.push(section);
    stack.push(section);
  }
  readLettersInRuns(roots);
  for (const s of sections) if (s.children.length) readLettersInRuns(s.children);
  return { title, subtitle: subtitle || undefined, topDepth, roots, all: sections };
}

/** Whether `heading` has the title of a section of `outline` (its years aside): no subject line, then. */
export function titleOfSection(outline: Outline, heading: Heading): boolean {
  const key = (k: string) => k.replace(/(?:19|20)\d\d/g, '').replace(/\s+/g, ' ').trim();
  const own = key(heading.keys.core);
  return Boolean(own) && outline.all.some((s) => key(s.heading.keys.core) === own);
}

/**
 * The subject line typed as a heading under the title (`# BÁO CÁO` / `## Kết quả công tác Mặt trận
 * 6 tháng đầu năm 2025` / `### Phần thứ nhất. …`) is part of the title, not a section holding every
 * other: unnumbered, right under the title (blank lines between at most), above every heading after
 * it. Its sections are then levelled from the next depth, as under a title alone.
 */
function findSubtitle(text: DocText, title: Heading, rest: readonly Heading[]): Heading | undefined {
  const next = rest[0];
  if (!next || next.numbering || rest.length < 2 || text.slice(title.end, next.offset).trim()) return undefined;
  return rest.every((h, i) => i === 0 || h.depth > next.depth) ? next : undefined;
}

/**
 * `C.` after `B.` (or before `D.`) is the letter, not Roman 100: the number is read again as its
 * neighbours are numbered. Rare, so the heading is copied only then.
 */
function readLettersInRuns(siblings: Section[]): void {
  for (let i = 0; i < siblings.length; i++) {
    const n = siblings[i]!.heading.numbering;
    const letter = n && letterInRun(n, siblings[i - 1]?.heading.numbering, siblings[i + 1]?.heading.numbering);
    if (letter) siblings[i]!.heading = { ...siblings[i]!.heading, numbering: letter };
  }
}

/** Offset just past the line break that ends the line containing `offset`. */
export function lineEndAfter(text: DocText, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Is `s` inside `ancestor`'s subtree (itself excluded)? */
export function isDescendant(s: Section, ancestor: Section): boolean {
  for (let p = s.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
