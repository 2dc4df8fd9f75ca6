import { countBefore, type Heading, type NumberedLine, type ParsedMarkdown } from './parse';
import type { DocText } from './text';
import { isDescendant, type Outline, type Section } from './outline';
import type { Template } from './templates';
import { letterInRun, type Numbering, type NumberingStyle } from './numbering';
import { containsWords, isOptionalTitle, setOverlap, titleKeys, wordSet } from './normalize';
import { isStrongTitle, mostlyUpperCase } from './joins';

/** Ranks of numbering styles in Vietnamese documents, outermost first; decimals go by depth. */
function rank(style: NumberingStyle, parts = 1): number {
  switch (style) {
    case 'part-ordinal':
    case 'part-roman':
    case 'part-arabic':
      return 0;
    case 'upper-letter':
      return 1;
    case 'roman':
      return 2;
    case 'arabic':
      return 3;
    case 'decimal':
      return 3 + Math.max(1, parts - 1);
    case 'letter':
      return 9;
  }
}

/** Share of words a numbered line must have in common with an outline title to be that title. */
const NEAR_TITLE = 0.8;

/** Does the line's title read as a finished sentence or running prose rather than a title? */
function readsAsProse(line: NumberedLine): boolean {
  const title = withoutNotes(line.text.slice(line.numbering.length));
  if (!title) return line.numbering.style.startsWith('part-') ? false : true;
  // A whole line in bold or italic is set apart as a title: a colon in it names its part
  // (`**1. Chương trình thứ nhất: Công tác tuyên truyền, …**`), not a label and its content.
  if (line.emphasised && !/[.!?;]$/.test(title)) return false;
  return proseTitle(title);
}

/** Numbered in the rank the outline numbers `section` in (a section without a number: any). */
function numberedAs(line: NumberedLine, section: Section): boolean {
  const n = section.heading.numbering;
  return !n || rank(n.style, n.parts?.length) === rank(line.numbering.style, line.numbering.parts?.length);
}

/** The last line before `offset` that is not blank, trimmed and without emphasis marks at its ends ('' if none). */
function lineBefore(text: DocText, offset: number): string {
  let end = offset - 1; // the line break ending the line before
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line) return line.replace(/^[*_]+|[*_]+$/g, '').trim();
    end = start - 1;
  }
  return '';
}

/** Notes in brackets ("(Giai đoạn 2019 - 2022, số liệu đến tháng 6/2022)") say nothing about prose. */
const withoutNotes = (text: string) => text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();

/** Does a title (its number taken off) read as a finished sentence or running prose? */
function proseTitle(text: string): boolean {
  const title = withoutNotes(text);
  const words = title.split(/\s+/).filter(Boolean);
  if (!words.length) return false;
  if (/[,;]$/.test(title)) return true;
  // "1. Đối tượng: Ủy ban MTTQ Việt Nam cấp xã, …" — a label followed by its content.
  const colon = title.indexOf(':');
  if (colon >= 0 && title.slice(colon + 1).trim().split(/\s+/).filter(Boolean).length >= 2) return true;
  // Several sentences.
  if (/[.!?]\s+\p{Lu}/u.test(title)) return true;
  if (words.length > 45) return true;
  return /[.!?]$/.test(title) && words.length > 15;
}

/** The words of each title key of a template, kept with it (asked on every keystroke). */
const TEMPLATE_WORDS = new WeakMap<Template, Array<Set<string>>>();
function wordsOfTemplate(template: Template, keys: readonly string[]): Array<Set<string>> {
  let words = TEMPLATE_WORDS.get(template);
  if (!words) TEMPLATE_WORDS.set(template, (words = keys.map(wordSet)));
  return words;
}

/** The first title (of their word sets) that `key` shares `NEAR_TITLE` of its words with; -1 if none. */
function nearTitle(key: string, titles: ReadonlyArray<Set<string>>): number {
  const words = wordSet(key);
  return titles.findIndex((t) => setOverlap(words, t) >= NEAR_TITLE);
}

/**
 * The depth of the outline's top level implied by the first marked heading that is a title of the
 * outline numbered in the same rank: its depth less its outline level. Only one that leaves room
 * for the title (`base`); none when no marked heading tells.
 */
function topFromOutline(marked: readonly Heading[], sections: readonly Section[], keys: readonly string[], matches: (key: string, t: string) => boolean, base: number): number | undefined {
  if (!sections.length) return undefined;
  for (const h of marked) {
    if (!h.numbering || !h.keys.core) continue;
    const at = keys.findIndex((t) => matches(h.keys.core, t));
    const n = at >= 0 ? sections[at]!.heading.numbering : undefined;
    if (!n || rank(n.style, n.parts?.length) !== rank(h.numbering.style, h.numbering.parts?.length)) continue;
    const top = h.depth - sections[at]!.level + 1;
    if (top >= base && top <= 6) return top;
  }
  return undefined;
}

/** Whether decimal `parts` come next under or after the heading number `before`: 1.2. after 1. or 1.1. */
function followsInNumber(parts: readonly number[], before: Numbering | undefined): boolean {
  const path = before?.style === 'arabic' ? [before.value] : before?.style === 'decimal' ? before.parts : undefined;
  if (!path || parts.length < 2) return false;
  const parent = parts.slice(0, -1);
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return same(path, parent) || (path.length === parts.length && same(path.slice(0, -1), parent) && path[path.length - 1]! < parts[parts.length - 1]!);
}

/**
 * Titles typed as plain paragraphs (pasted from Word): numbered lines that read as titles, given
 * as headings at the depth their numbering implies among the document's headings. Evidence: bold
 * or upper-case text, a title of the outline, or a numbering style the document's headings use
 * (Roman, “Phần”, decimal); in a document without headings, any title-like numbered line.
 */
export function findUnmarkedHeadings(doc: ParsedMarkdown, outline: Outline, template?: Template): Heading[] {
  const marked = outline.all.map((s) => s.heading);
  const depthOfRank = new Map<number, number>();
  for (const h of marked) {
    if (!h.numbering) continue;
    const r = rank(h.numbering.style, h.numbering.parts?.length);
    if (!depthOfRank.has(r)) depthOfRank.set(r, h.depth);
  }
  const templateSections = template?.outline.all.filter((s) => s.heading.keys.core) ?? [];
  const templateKeys = templateSections.map((s) => s.heading.keys.core);
  const templateWords = template ? wordsOfTemplate(template, templateKeys) : [];
  /** The outline's level for a line that is one of its titles (its depth follows from it). */
  const outlineLevel = new Map<NumberedLine, number>();
  // Only when numbered alike: "2. Nội dung:" has the words of "II. NỘI DUNG" but not its place.
  const levelFrom = (line: NumberedLine, section: Section) => {
    if (numberedAs(line, section)) outlineLevel.set(line, section.level);
  };
  // The line is an outline title, perhaps elaborated — not prose that happens to contain a short one.
  const words = (s: string) => s.split(' ').length;
  const matchesOutline = (key: string, t: string) => key === t || key.startsWith(`${t} `) || (containsWords(key, t) && words(t) * 2 >= words(key));
  const headingless = marked.length === 0;
  /** Outline sections whose title a report title (key) is. */
  const sectionsTitled = (key: string) => templateSections.filter((_, i) => matchesOutline(key, templateKeys[i]!));
  /**
   * For a line in a list (a numbered line of its style just before or after it, no blank line
   * between) under a marked heading that is a section of the outline: the outline section of the
   * line's title that can stand there (under that section or one of its ancestors), false when
   * none can; undefined when nothing tells (not in a list, or the heading above is not the outline's).
   */
  const all = doc.numberedLines;
  const lineBreak = (offset: number) => (doc.text.charCodeAt(offset) === 13 ? 2 : 1);
  /** `b` is the line right after `a`, numbered alike: two items of one list. */
  const adjacent = (a: NumberedLine | undefined, b: NumberedLine | undefined) => Boolean(a && b && a.end + lineBreak(a.end) === b.offset && a.numbering.style === b.numbering.style);
  /** The line (the `at`-th numbered one) is an item of a list: the line before or after it is the list's too. */
  const inList = (line: NumberedLine, at: number) => adjacent(all[at - 1], line) || adjacent(line, all[at + 1]);
  /**
   * Items of one list are alike: a sentence among them (`2. Trao 250 phần quà …, mỗi phần trị giá
   * 500.000 đồng.`) makes them all items, the short one above it (`1. Vận động … quà Tết.`) too.
   */
  const listWithProse = (at: number): boolean => {
    for (let i = at - 1; i >= 0 && adjacent(all[i], all[i + 1]); i--) if (readsAsProse(all[i]!)) return true;
    for (let i = at + 1; i < all.length && adjacent(all[i - 1], all[i]); i++) if (readsAsProse(all[i]!)) return true;
    return false;
  };
  /** The marked heading above `line`. */
  const headingAbove = (line: NumberedLine): Heading | undefined => marked[countBefore(marked, line.offset) - 1];
  const inListElsewhere = (line: NumberedLine, at: number): Section | false | undefined => {
    if (!inList(line, at)) return undefined;
    const above = headingAbove(line);
    const containers = above?.keys.core ? sectionsTitled(above.keys.core) : [];
    if (!containers.length) return undefined;
    // Under that section; or after it (its sibling's or an ancestor's) when numbered as the outline
    // numbers it there: `2. Khen thưởng.` among `1.` and `3.` of II. is no `IV. KHEN THƯỞNG`.
    const under = (s: Section) => containers.some((c) => c === s.parent);
    const after = (s: Section) => (!s.parent || containers.some((c) => isDescendant(c, s.parent!))) && numberedAs(line, s);
    return sectionsTitled(titleKeys(line.text).core).find((s) => under(s) || after(s)) ?? false;
  };
  /**
   * The line is an item of a list that a line ending in a colon introduces (`Hội nghị gồm các nội
   * dung:`, or a numbered `2. Chương trình hội nghị:`, then `1. Báo cáo …`, `2. Khen thưởng`):
   * numbered 1, 2, 3 … from right after it. A number that does not follow (`2. Thuận lợi` after the
   * items `1.`, `2.`) ends the list.
   */
  const introduced = (line: NumberedLine, at: number): boolean => {
    if (!inList(line, at)) return false;
    let first = at;
    while (first > 0 && adjacent(all[first - 1], all[first]) && all[first]!.numbering.value === all[first - 1]!.numbering.value + 1) first--;
    if (all[first]!.numbering.value !== 1) return false;
    const before = lineBefore(doc.text, all[first]!.offset);
    return before.endsWith(':') && !before.startsWith('#');
  };
  /** An outline section has the line's title, numbered as the line is (a skeleton after “… như sau:”). */
  const titledAsNumbered = (line: NumberedLine, key: string): boolean => {
    if (sectionsTitled(key).some((s) => numberedAs(line, s))) return true;
    const near = nearTitle(key, templateWords);
    return near >= 0 && numberedAs(line, templateSections[near]!);
  };
  /** The line is an item of a list whose every item ends as a sentence (`1. Văn phòng chuẩn bị …, khánh tiết.`). */
  const listOfSentences = (line: NumberedLine, at: number): boolean => {
    if (!inList(line, at) || line.emphasised) return false;
    const ends = (l: NumberedLine) => /[.;!?]$/.test(withoutNotes(l.text));
    for (let i = at; i >= 0 && (i === at || adjacent(all[i], all[i + 1])); i--) if (!ends(all[i]!)) return false;
    for (let i = at + 1; i < all.length && adjacent(all[i - 1], all[i]); i++) if (!ends(all[i]!)) return false;
    return true;
  };
  /** The marked heading above `line` is titled as a sibling before `section` in the outline. */
  const afterPreviousSibling = (line: NumberedLine, section: Section): boolean => {
    const above = headingAbove(line);
    if (!above?.keys.core) return false;
    const siblings = section.parent ? section.parent.children : template!.outline.roots;
    const before = siblings.slice(0, siblings.indexOf(section));
    return sectionsTitled(above.keys.core).some((s) => before.includes(s));
  };
  let numbered: Heading[] | undefined; // the numbered headings, for decimal lines only
  /**
   * A run-in title: the line's label before its colon is exactly an outline title, and content
   * follows (`1. Mục đích: Tạo đợt …`, `**a) Về tuyên truyền:** …`). Where its label ends in the text.
   */
  const runIns = new Map<NumberedLine, { text: string; end: number }>();
  const runInSection = (line: NumberedLine): Section | undefined => {
    // The label ends at a colon, or at a full stop or a dash after the number (`2. Thuận lợi. Được …`,
    // `**3. Khó khăn** – Dịch …`): the outline's exact title before it says which.
    const after = line.numbering.length;
    const ends = [line.text.indexOf(':'), line.text.indexOf('. ', after), line.text.indexOf(' – ', after), line.text.indexOf(' - ', after)].filter((i) => i >= after);
    const colon = ends.length ? Math.min(...ends) : -1;
    // Content after the colon, not just a note: “II. KẾT QUẢ …: (Giai đoạn 2019 - 2022)” is a title.
    if (colon < 0 || !line.opensBlock || !/\p{L}/u.test(withoutNotes(line.text.slice(colon + 1)))) return undefined;
    const label = line.text.slice(0, colon).trimEnd();
    const key = titleKeys(label).core;
    const at = key ? templateKeys.indexOf(key) : -1;
    // Numbered as the outline numbers that section: “1. Kết quả: đạt 95 %” is no “II. KẾT QUẢ”.
    const n = at >= 0 ? templateSections[at]!.heading.numbering : undefined;
    if (at < 0 || (n && rank(n.style, n.parts?.length) !== rank(line.numbering.style, line.numbering.parts?.length))) return undefined;
    // The same mark in the source, after the number (whose own full stop is no end of the label).
    const mark = line.text.charAt(colon) === ' ' ? line.text.charAt(colon + 1) : line.text.charAt(colon);
    const sourceColon = doc.text.indexOf(mark, line.textOffset + (mark === ':' ? 0 : line.numbering.length));
    if (sourceColon < 0 || sourceColon >= line.end) return undefined;
    // Under its parent: “1. Yêu cầu: các chi đoàn báo cáo …” under “IV. TỔ CHỨC THỰC HIỆN” is an
    // item of that section, not “2. Yêu cầu” of I. (unless the heading above is no outline section).
    // The heading above may be its parent or any section within it: a sibling before it
    // (`### 1. Công tác triển khai`, then `**2. Thuận lợi:** …`).
    const parent = templateSections[at]!.parent;
    const above = headingAbove(line);
    const containers = parent && above?.keys.core ? sectionsTitled(above.keys.core) : [];
    if (containers.length && !containers.some((c) => c === parent || isDescendant(c, parent!))) return undefined;
    runIns.set(line, { text: label, end: sourceColon });
    return templateSections[at];
  };
  const candidates = doc.numberedLines.filter((line, at) => {
    const runIn = template ? runInSection(line) : undefined;
    if (runIn) {
      levelFrom(line, runIn);
      return true;
    }
    if (line.runsOn) return false;
    // A title of the outline is a title, however long — and wherever its line is: pasted text may
    // run a title on from a line that ends without a full stop.
    const key = titleKeys(line.text).core;
    if (introduced(line, at) && !titledAsNumbered(line, key)) return false;
    const exact = templateKeys.findIndex((t) => matchesOutline(key, t));
    if (exact >= 0) {
      // Unless the line goes on past the title as prose: "1. Mục đích: Tạo đợt sinh hoạt …" (a
      // label and its content), several sentences, a very long line — when the title does not.
      const section = templateSections[exact]!;
      if (key !== section.heading.keys.core && readsAsProse(line) && !proseTitle(section.heading.text.slice(section.heading.numbering?.length ?? 0))) return false;
      // A sentence that only begins with the title, an item of a list (`2. Khen thưởng các tập thể,
      // cá nhân có thành tích xuất sắc.` between `1.` and `3.` of I.): an item, not “IV. KHEN THƯỞNG”.
      if (key !== section.heading.keys.core && /[.!?]$/.test(line.text.trim()) && inList(line, at)) return false;
      // An item of a list in a section the outline names, whose title belongs elsewhere in the
      // outline: "1. Công tác tuyên truyền …" listed under "II. NHIỆM VỤ" of part two repeats a
      // title of part one, it is not that section.
      const own = inListElsewhere(line, at);
      if (own === false) return false;
      // Its very title, numbered otherwise, right after a heading of the section before it in the
      // outline (`4. Giải trình …` after `III. Kết quả khắc phục …`, where the outline has `IV.`):
      // at the outline's level, so that the marker added agrees with `section-level` and the number
      // is `numbering`'s to judge among its siblings there. (“2. Nội dung” under “II. ĐỐI TƯỢNG,
      // NỘI DUNG” is that section's own item.)
      if (!own && key === section.heading.keys.core && afterPreviousSibling(line, section)) outlineLevel.set(line, section.level);
      else levelFrom(line, own ?? section);
      return true;
    }
    if (!line.opensBlock) return false;
    if (readsAsProse(line) || listWithProse(at) || listOfSentences(line, at)) return false;
    // A near title of the outline (a word added or left out: `section-title` says "did you mean")
    // — otherwise, once the report has headings, fix-all would insert the outline's title anew.
    const near = nearTitle(key, templateWords);
    if (near >= 0) {
      levelFrom(line, templateSections[near]!);
      return true;
    }
    const style = line.numbering.style;
    const title = line.text.slice(line.numbering.length);
    if (line.emphasised || mostlyUpperCase(title) || isStrongTitle(line.text)) return true;
    const r = rank(style, line.numbering.parts?.length);
    if (style !== 'arabic' && style !== 'letter' && depthOfRank.has(r)) return true;
    // "1.2." after the heading "1." or "1.1.": a subsection by its very number.
    if (style === 'decimal') {
      numbered ??= marked.filter((h) => h.numbering);
      if (followsInNumber(line.numbering.parts!, numbered[countBefore(numbered, line.offset) - 1]?.numbering)) return true;
    }
    return headingless && (style !== 'arabic' && style !== 'letter' ? true : Boolean(template));
  });
  if (!candidates.length) return [];
  // `C.` between pasted `B.` and `D.` is the letter, not Roman 100 (as `buildOutline` reads marked ones).
  const letters = new Map<NumberedLine, Numbering>();
  type Numbered = { offset: number; numbering?: Numbering };
  const later = (a: Numbered | undefined, b: Numbered | undefined) => (!a ? b : !b ? a : a.offset > b.offset ? a : b);
  const earlier = (a: Numbered | undefined, b: Numbered | undefined) => (!a ? b : !b ? a : a.offset < b.offset ? a : b);
  candidates.forEach((line, i) => {
    // Its neighbours in the document, pasted or marked (`## A.`, `## B.`, then a pasted `C.`).
    const m = countBefore(marked, line.offset);
    const letter = letterInRun(line.numbering, later(candidates[i - 1], marked[m - 1])?.numbering, earlier(candidates[i + 1], marked[m])?.numbering);
    if (letter) letters.set(line, letter);
  });
  const numberingOf = (line: NumberedLine): Numbering => letters.get(line) ?? line.numbering;
  // Depth each rank implies: the headings' own, else next to the nearest known rank, else by rank order.
  const ranks = [...new Set(candidates.map((l) => rank(numberingOf(l).style, l.numbering.parts?.length)))].sort((a, b) => a - b);
  // A report whose only heading is its title (`# KẾ HOẠCH …`, the rest pasted): the titles found
  // go under it, as they will once one is marked and the outline sees the title.
  const lone = !outline.title && marked.length === 1 && !marked[0]!.numbering && candidates[0]!.offset > marked[0]!.offset ? marked[0] : undefined;
  const title = outline.subtitle ?? outline.title ?? lone;
  const base = title ? title.depth + 1 : 1;
  // An unknown rank goes as many levels from the nearest known one as there are ranks of titles
  // found between them: "I." and "1." above a marked "#### a." are "##" and "###", not "###" both.
  const depthFor = (r: number): number => {
    const known = depthOfRank.get(r);
    if (known) return known;
    const above = [...depthOfRank.keys()].filter((k) => k < r).sort((a, b) => b - a)[0];
    if (above !== undefined) return Math.min(6, depthOfRank.get(above)! + ranks.filter((k) => k > above && k <= r).length);
    const below = [...depthOfRank.keys()].filter((k) => k > r).sort((a, b) => a - b)[0];
    if (below !== undefined) return Math.max(base, 1, depthOfRank.get(below)! - ranks.filter((k) => k >= r && k < below).length);
    return Math.min(6, base + ranks.indexOf(r));
  };
  // The report's own depth for the outline's top level: from a marked heading that is a title of
  // the outline, numbered alike (its depth less its outline level) — the marked headings may all
  // be subsections ("#### a." under pasted "I."/"1."), whose level among themselves says nothing —
  // else from the top marked sections (levels are relative).
  const first = lone ? undefined : outline.all[0];
  const top = topFromOutline(marked, templateSections, templateKeys, matchesOutline, base) ?? (first ? first.heading.depth - first.level + 1 : base);
  // No level skipped under the title above: "a- Phần lễ" right under "II- NỘI DUNG" (no "1-"
  // between) is one level below it, not where letters sit under "1-" elsewhere. Walked in document
  // order with the headings and titles found before, by rank.
  const depths = new Map<NumberedLine, number>();
  const stack: Array<{ rank: number; depth: number }> = [];
  let m = 0;
  for (const line of candidates) {
    for (; m < marked.length && marked[m]!.offset < line.offset; m++) {
      const h = marked[m]!;
      const r = h.numbering ? rank(h.numbering.style, h.numbering.parts?.length) : -1;
      while (stack.length && stack[stack.length - 1]!.rank >= r) stack.pop();
      stack.push({ rank: r, depth: h.depth });
    }
    const r = rank(numberingOf(line).style, line.numbering.parts?.length);
    while (stack.length && stack[stack.length - 1]!.rank >= r) stack.pop();
    const own = outlineLevel.has(line) ? Math.max(1, Math.min(6, top + outlineLevel.get(line)! - 1)) : depthFor(r);
    const above = stack[stack.length - 1];
    const depth = !outlineLevel.has(line) && above && own > above.depth + 1 ? above.depth + 1 : own;
    depths.set(line, depth);
    stack.push({ rank: r, depth });
  }
  return candidates.map((line) => {
    const runIn = runIns.get(line);
    const text = runIn?.text ?? line.text;
    return {
      depth: depths.get(line)!,
      offset: line.offset,
      end: runIn?.end ?? line.end,
      textOffset: line.textOffset,
      textEnd: runIn?.end ?? line.end,
      text,
      numbering: numberingOf(line),
      keys: titleKeys(text),
      setext: false,
      marked: false,
      ...(runIn ? { runIn: true } : {}),
      optional: isOptionalTitle(text),
    };
  });
}
