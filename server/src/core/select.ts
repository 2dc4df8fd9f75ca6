import type { ParsedMarkdown } from './parse';
import { DOCUMENT_KINDS, DOCUMENT_TITLE, type Outline, type Section } from './outline';
import type { Alignment } from './align';
import type { Template, TemplateRegistry } from './templates';
import { titleKeys } from './normalize';
import type { CheckOptions } from './types';
import { levelKey } from './levels';
import type { NumberingStyle } from './numbering';

/** How a report's template was chosen — or why none was. */
export type Selection =
  | { kind: 'front-matter' | 'setting' | 'title'; template: Template; cap?: string }
  | { kind: 'unknown'; id: string; offset: number; end: number; suggestions: string[] }
  | { kind: 'none'; doubted?: Doubt };

/**
 * An outline the report's title named, not applied: few of its sections are in the report, which
 * has sections of its own in their place — another body's report whose title shares the outline's
 * phrase (“Báo cáo sơ kết 6 tháng đầu năm” of a Women's Union), not a draft of it.
 */
export interface Doubt {
  template: Template;
  /** The outline's required sections, and how many of them the report has. */
  expected: number;
  paired: number;
  /** The report's sections outside every section it shares with the outline. */
  own: number;
  /** The body the report's letterhead and title name, other than the one the outline's title names. */
  body?: { report: Body; outline: Body };
}

/** A body whose reports have outlines of their own, as letterheads and titles name it. */
export interface Body {
  vi: string;
  en: string;
  /** Words that name it (lower case). */
  names: string[];
}

/**
 * The Front and the bodies beside it whose reports share its report titles (“Báo cáo sơ kết 6 tháng
 * đầu năm”) and its common parts (Kết quả / Đánh giá / Phương hướng) but not its outlines.
 */
const BODIES: Body[] = [
  { vi: 'Mặt trận Tổ quốc', en: 'the Fatherland Front', names: ['mặt trận'] },
  { vi: 'Hội Nông dân', en: "the Farmers' Union", names: ['hội nông dân'] },
  { vi: 'Hội Liên hiệp Phụ nữ', en: "the Women's Union", names: ['hội liên hiệp phụ nữ', 'hội lhpn', 'hội phụ nữ'] },
  { vi: 'Đoàn Thanh niên', en: 'the Youth Union', names: ['đoàn thanh niên', 'đoàn tncs', 'bch đoàn', 'ban chấp hành đoàn'] },
  { vi: 'Hội Cựu chiến binh', en: "the Veterans' Association", names: ['hội cựu chiến binh', 'cựu chiến binh'] },
  { vi: 'tổ chức Đảng', en: 'a Party organisation', names: ['chi bộ', 'đảng ủy', 'đảng bộ'] },
  { vi: 'Công đoàn', en: 'the Trade Union', names: ['công đoàn'] },
  { vi: 'Hội Chữ thập đỏ', en: 'the Red Cross', names: ['chữ thập đỏ'] },
  { vi: 'Hội Người cao tuổi', en: "the Elderly People's Association", names: ['hội người cao tuổi'] },
];

/** Each body's names as keys, folded as titles are (tone placement, abbreviations). */
const BODY_KEYS = new Map(BODIES.map((b) => [b, b.names.map((n) => ` ${titleKeys(n).full} `)]));

function bodiesIn(text: string): Body[] {
  const key = ` ${titleKeys(text).full} `;
  return BODIES.filter((b) => BODY_KEYS.get(b)!.some((n) => key.includes(n)));
}

/** How much of the document's start is read for the title when there is no title heading. */
const TITLE_WINDOW = 600;

/**
 * The words a report is known by: its title block — the title heading, or the start of the text
 * when it has none, with the lines that go with a title (bold or capital lines, short lines such as
 * the subject `**Sơ kết 05 năm …**`, the letterhead, `Số: …`) up to the first line of prose. The
 * preamble (`Căn cứ Kế hoạch số 09/KH-MTTQ …`) is prose: a plan it cites does not make the report one.
 */
export function titleBlock(doc: ParsedMarkdown, outline: Outline): { text: string; offset: number; end: number } {
  // Up to the first numbered section: an unnumbered heading right under the title may be its
  // subject typed as a heading (`# BÁO CÁO` / `## TỔNG KẾT CÔNG TÁC …`).
  const firstSection = outline.all.find((s) => s.heading.numbering)?.heading.offset ?? doc.text.length;
  const title = outline.title;
  const start = title ? title.offset : doc.frontMatter?.end ?? 0;
  const window = doc.text.slice(start, Math.max(start, Math.min(firstSection, start + TITLE_WINDOW)));
  const kept: string[] = [];
  let end = start;
  // After the kind alone, its subject line (a note in brackets between, `(Dự thảo lần 2)`), and
  // the subject's next line when it runs on without a blank line.
  let subject: 'open' | 'running' | undefined;
  let blank = false;
  for (const m of window.matchAll(/([^\r\n]*)(\r?\n|\r|$)/g)) {
    const line = m[1]!.trim();
    if (!m[0]) break;
    if (!line) {
      blank = true;
      continue;
    }
    const asSubject = (subject === 'open' || (subject === 'running' && !blank)) && subjectLine(line);
    // The title typed as the first line in sentence case (`Báo cáo sơ kết giữa nhiệm kỳ …`).
    const firstTitle = !kept.length && DOCUMENT_TITLE.test(line.replace(/^[*_]+/, '').normalize('NFC')) && subjectLine(line);
    if (!titleLine(line) && !asSubject && !firstTitle) break;
    subject = kindAlone(line) || (subject === 'open' && /^\(.*\)$/.test(line)) ? 'open' : asSubject ? 'running' : undefined;
    blank = false;
    kept.push(line);
    end = start + m.index! + m[1]!.length;
  }
  return { text: kept.join('\n'), offset: start, end };
}

/**
 * The subject line (trích yếu) under the document's kind alone (`BÁO CÁO` / `Sơ kết 05 năm thực
 * hiện Cuộc vận động “…” giai đoạn 2016 - 2020`), whatever its length, as Decree 30 lays a title out;
 * not a sentence that opens the text (`… báo cáo như sau:`, `Năm 2024, … đã phối hợp tốt.`).
 */
function subjectLine(line: string): boolean {
  return !/[.:;]$/.test(line) && line.split(/\s+/).length <= 40;
}

/** The document's kind alone on its line (`BÁO CÁO`, `# KẾ HOẠCH`, `**BÁO CÁO**`). */
function kindAlone(line: string): boolean {
  const kind = line.replace(/^#{1,6}\s+/, '').replace(/^(\*\*|__)(.*)\1$/, '$2').trim().normalize('NFC');
  return DOCUMENT_TITLE.test(kind) && kind.split(/\s+/).length <= 3;
}

/**
 * A line of a title block, not prose: a heading, a bold or capital line, or a short line not ending
 * a sentence — or columns of such (the letterhead's two columns pasted as one line, apart by spaces,
 * a tab or a table's `|`: `ỦY BAN MTTQ … XÃ QUẢNG PHÚ    Độc lập - Tự do - Hạnh phúc`).
 */
function titleLine(line: string): boolean {
  // A letterhead laid out as a table: its delimiter row (`|:---:|:---:|`) goes with it.
  if (/^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/.test(line)) return true;
  const columns = line.split(/\t+| {2,}|\s*\|\s*/).filter(Boolean);
  if (columns.length > 1) return columns.every(titleColumn);
  return titleColumn(line);
}

function titleColumn(line: string): boolean {
  if (/^#{1,6}\s/.test(line) || /^(\*\*|__)[^*_].*\1$/.test(line)) return true;
  const letters = line.replace(/[^\p{L}]/gu, '');
  const upper = line.replace(/[^\p{Lu}]/gu, '');
  if (letters.length && upper.length / letters.length > 0.6) return true;
  return line.split(/\s+/).length <= 12 && !/[.:;]$/.test(line);
}

/**
 * Picks the template: front matter `decuong: <id>` first, then the `decuong.template` setting,
 * then the template whose `match` phrase comes first (then longest) in the report's title.
 */
export function selectTemplate(doc: ParsedMarkdown, outline: Outline, registry: TemplateRegistry, options: CheckOptions): Selection {
  const fm = doc.frontMatter?.entries;
  const capValue = fm?.get('cap')?.value;
  const written = typeof capValue === 'string' || typeof capValue === 'number' ? String(capValue) : options.cap;
  // People type the level as the messages print it (`cấp xã`, `Xã`, `thị trấn`): read as its key.
  const cap = (written && levelKey(written)) || undefined;
  if (options.template && options.forceTemplate) {
    const template = registry.templates.get(options.template);
    if (template) return { kind: 'setting', template, cap };
  }
  const named = fm?.get('decuong');
  if (named && (typeof named.value === 'string' || typeof named.value === 'number') && String(named.value).trim()) {
    const id = String(named.value).trim().normalize('NFC');
    const template = registry.templates.get(id);
    if (template) return { kind: 'front-matter', template, cap };
    return { kind: 'unknown', id, offset: named.offset, end: named.end, suggestions: registry.closest(id) };
  }
  if (options.template) {
    const template = registry.templates.get(options.template);
    if (template) return { kind: 'setting', template, cap };
  }
  const block = titleBlock(doc, outline).text;
  const chosen = byTitle(` ${titleKeys(block).full} `, registry, kindOfTitle(block));
  return chosen ? { kind: 'title', template: chosen, cap } : { kind: 'none' };
}

/**
 * Whether an outline chosen by title fits the report too little to be applied (see `Doubt`): under
 * half of its required sections in the report, and at least three sections of the report's own
 * (numbered or not), twice as many as those it shares. A draft just begun has few of the outline's
 * sections but none of its own; its own subsections under a section it shares do not count.
 * (A school's plan shares “Nội dung” with the three required sections of the plan outline, and has
 * ten of its own.)
 */
export function doubtByTitle(selection: Selection, doc: ParsedMarkdown, report: Outline, alignment: Alignment): Doubt | undefined {
  if (selection.kind !== 'title') return undefined;
  const { template } = selection;
  const required = template.outline.all.filter((s) => !s.optional);
  // Shared: paired by its title, or near it a level off at most (the letterhead typed as headings
  // shifts a whole draft by one) — a near title further off (the report's top `IV. KIẾN NGHỊ` for
  // the outline's `6.3. Các kiến nghị`) is a section of the report's own that words a topic alike.
  const shares = (pair: { expected: Section; actual: Section; exact: boolean } | undefined) => Boolean(pair && (pair.exact || Math.abs(pair.expected.level - pair.actual.level) <= 1));
  const paired = required.filter((s) => shares(alignment.pairs.get(s))).length;
  if (paired * 2 >= required.length) return undefined;
  const underShared = (s: Section): boolean => {
    for (let p: Section | undefined = s; p; p = p.parent) if (shares(alignment.byActual.get(p))) return true;
    return false;
  };
  // A draft typed all at one level (`# I.`, `# 1.`, `# 2.`): items numbered finer than the shared
  // section before them at their level are its subsections, as their numbers say.
  let own = 0;
  let lastShared: Section | undefined;
  for (const s of report.all) {
    if (underShared(s)) {
      if (shares(alignment.byActual.get(s))) lastShared = s;
      continue;
    }
    if (lastShared && lastShared.level === s.level && finer(s.heading.numbering?.style, lastShared.heading.numbering?.style)) continue;
    own++;
  }
  if (own >= 3 && own >= paired * 2) return { template, expected: required.length, paired, own };
  // Another body named by the letterhead and title, and not the outline's: a Farmers' Union's
  // mid-term review shares the Front's parts, so it has no sections “of its own” to count.
  const outlineBody = bodiesIn(template.title)[0];
  if (outlineBody) {
    const block = titleBlock(doc, report);
    const named = bodiesIn(doc.text.slice(doc.frontMatter?.end ?? 0, block.end));
    const other = named.find((b) => b !== outlineBody);
    if (other && !named.includes(outlineBody)) return { template, expected: required.length, paired, own, body: { report: other, outline: outlineBody } };
  }
  return undefined;
}

/** Numbering ranks, coarsest first: parts, Roman numbers and capital letters, then 1., 1.1., a). */
const RANK: Partial<Record<NumberingStyle, number>> = { 'part-ordinal': 0, 'part-roman': 0, 'part-arabic': 0, roman: 1, 'upper-letter': 1, arabic: 2, decimal: 3, letter: 4 };

function finer(style: NumberingStyle | undefined, than: NumberingStyle | undefined): boolean {
  return style !== undefined && than !== undefined && (RANK[style] ?? 0) > (RANK[than] ?? 0);
}

/** The template whose `match` phrase comes first in the title key (see `beats` for ties). */
function byTitle(key: string, registry: TemplateRegistry, kind?: string): Template | undefined {
  // The phrase found earliest wins — a title names its kind first ("KẾ HOẠCH sơ kết …" is a plan,
  // "BÁO CÁO sơ kết … kế hoạch" a report) — then the longest.
  // Before that, the workspace's own outlines (kept there for its reports) over the built-in ones,
  // and an outline over one it extends (it narrows it: a 9-month report of a general one).
  let best: TitleMatch | undefined;
  for (const template of registry.templates.values()) {
    // A document whose title line names another kind than the outline's (`HƯỚNG DẪN sơ kết giữa
    // nhiệm kỳ …`, a guidance, not the report) is not its draft, whatever phrase it shares.
    const own = kind && kindOfTemplate(template);
    if (own && own !== kind) continue;
    for (const phrase of template.match) {
      // The workspace's own phrases match with words between theirs too (“sơ kết 6 tháng đầu năm”
      // in “sơ kết công tác Hội … 6 tháng đầu năm”): they are written for its reports.
      const at = template.builtin ? key.indexOf(` ${phrase} `) : wordsInOrder(key, phrase);
      if (at < 0 || citedKind(key, phrase, at)) continue;
      const candidate = { template, at, words: phrase.split(' ').length };
      if (!best || beats(candidate, best, registry)) best = candidate;
    }
  }
  return best?.template;
}

type TitleMatch = { template: Template; at: number; words: number };

/** Kinds of document as title keys. */
const KIND_KEYS = DOCUMENT_KINDS.map((k) => ` ${titleKeys(k).full} `);

/** Each outline's kind, from its title: read once, not on every keystroke. */
const templateKinds = new WeakMap<Template, string | undefined>();
function kindOfTemplate(template: Template): string | undefined {
  if (!templateKinds.has(template)) templateKinds.set(template, kindAt(` ${titleKeys(template.title).full} `));
  return templateKinds.get(template);
}

/** The kind a title key begins with (`báo cáo …`; after `đề cương`, the kind it outlines), if any. */
function kindAt(key: string): string | undefined {
  /** The key after a leading word (` dự thảo `: a draft of the kind after it), when more follows. */
  const after = (k: string, word: string) => (k.startsWith(` ${word} `) && k.length > word.length + 2 ? k.slice(word.length + 1) : k);
  const rest = after(after(key, 'dự thảo'), 'đề cương');
  return KIND_KEYS.find((k) => rest.startsWith(k));
}

/** The kind the title block's first line that begins with one names (`BÁO CÁO`, `# HƯỚNG DẪN …`). */
function kindOfTitle(block: string): string | undefined {
  for (const line of block.split('\n')) {
    const kind = kindAt(` ${titleKeys(line.replace(/^#{1,6}\s+/, '').replace(/[*_]/g, '')).full} `);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * A phrase that is a kind of document (`kế hoạch`) found after the title named another kind: a
 * document the title cites (“BÁO CÁO kết quả thực hiện Kế hoạch số 35/KH-UBND” is a report), not
 * the report's own kind.
 */
function citedKind(key: string, phrase: string, at: number): boolean {
  if (!KIND_KEYS.includes(` ${phrase} `)) return false;
  return KIND_KEYS.some((k) => {
    const i = key.indexOf(k);
    return i >= 0 && i < at && k !== ` ${phrase} `;
  });
}

/**
 * Where the phrase stands in the key, its words together or in order with others between; -1 if
 * not. In order from the first word's first place: if that fails, no later place does better.
 */
function wordsInOrder(key: string, phrase: string): number {
  const together = key.indexOf(` ${phrase} `);
  if (together >= 0) return together;
  const words = phrase.split(' ');
  const start = key.indexOf(` ${words[0]} `);
  let at = start;
  for (const w of words) {
    at = key.indexOf(` ${w} `, at);
    if (at < 0) return -1;
    at += w.length + 1;
  }
  return start;
}

function beats(a: TitleMatch, b: TitleMatch, registry: TemplateRegistry): boolean {
  if (a.template !== b.template) {
    if (a.template.builtin !== b.template.builtin) return !a.template.builtin;
    if (extendsFrom(a.template, b.template, registry)) return true;
    if (extendsFrom(b.template, a.template, registry)) return false;
  }
  return a.at < b.at || (a.at === b.at && a.words > b.words);
}

/** Whether `child` extends `ancestor`, directly or through others (cycles are cut). */
function extendsFrom(child: Template, ancestor: Template, registry: TemplateRegistry): boolean {
  const seen = new Set<string>();
  for (let id = child.extends; id && !seen.has(id); id = registry.templates.get(id)?.extends) {
    if (id === ancestor.id) return true;
    seen.add(id);
  }
  return false;
}
