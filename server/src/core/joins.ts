import type { DocText } from './text';
import { parseNumbering } from './numbering';

/**
 * Lines of one paragraph that its author meant as separate paragraphs. Markdown joins the lines of
 * a paragraph with a space; text pasted from Word (a paragraph per line, no blank line between)
 * becomes one paragraph, titles and all, and is typeset so. These are the soft line breaks that
 * read as paragraph breaks: the line before ends a sentence or is a title, the line after opens a
 * sentence, a title or a bullet.
 */

/** A paragraph of more than one line: where each line's text starts (chunk-relative), and its end. */
export interface ParagraphLines {
  /** The first line's text start, then the start of every line after a soft line break. */
  lines: number[];
  end: number;
}

/** Container marks before a line's text: indentation and block-quote `>`. */
const CONTAINER = /^[ \t>]*/;
/** A line that only names the kind of document, its subject on the next line. */
const DOCUMENT_KIND = /^(?:BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|THÔNG BÁO|CHƯƠNG TRÌNH|ĐỀ ÁN|HƯỚNG DẪN|BIÊN BẢN|QUY CHẾ|DIỄN VĂN)$/u;
/** Characters from which a line in capitals is a title wrapped onto the next, not a line of its own. */
const WRAPPED_TITLE = 50;
/** A sentence's end, with closing quotes or brackets after it. */
const SENTENCE_END = /[.:;!?…]["'”’»)\]*_]*$/u;
/** What a sentence, a title or a bullet of a report opens with. */
const OPENS = /^(?:\p{Lu}|\p{N}|[“"‘'(\[•–—*_])/u;

/** A line's text without bold markers, in NFC: what numbering and titles are read from. */
const unbolded = (line: string) => line.replace(/\*\*|__/g, '').normalize('NFC');
const numbered = (line: string) => Boolean(parseNumbering(unbolded(line)));

/** Whether most letters of `text` are capitals (three letters at least): a title in capitals. */
export function mostlyUpperCase(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 3) return false;
  const upper = letters.filter((c) => c !== c.toLocaleLowerCase('vi')).length;
  return upper / letters.length >= 0.7;
}

/** Whether a paragraph's line (its text, trimmed) ends it: a sentence, or a title. */
export function endsParagraph(line: string): boolean {
  if (SENTENCE_END.test(line)) return true;
  if (/[,(\-–]$/.test(line)) return false;
  const plain = line.replace(/\*\*|__/g, '');
  // A numbered title ("1. Công tác triển khai") rather than the start of a numbered sentence.
  // (Outline titles run long: sixty words covers them.)
  if (parseNumbering(plain.normalize('NFC')) && plain.split(/\s+/).length <= 60) return true;
  return mostlyUpperCase(plain);
}

/** Whether a line (its text) opens a paragraph: a capital, a number, a bullet or an opening mark. */
export function opensParagraph(line: string): boolean {
  // "a) Hình thức …", "đ. Về …", "a/ Công tác …": a small letter that numbers a title.
  return OPENS.test(line) || Boolean(/^\p{Ll}[.)/\-–]/u.test(line) && parseNumbering(unbolded(line)));
}

/**
 * A line that is a title whatever the line before it says: a part ("Phần thứ nhất", "PHẦN II"),
 * alone or with a title in capitals, or a Roman-numbered title in capitals ("II. KẾT QUẢ …").
 * Pasted text may put one right after a title wrapped without a full stop; prose never opens a
 * line so ("… theo Phần II của Nghị định" goes on in small letters).
 */
export function isStrongTitle(line: string): boolean {
  const plain = unbolded(line).trim();
  const n = parseNumbering(plain);
  if (!n || plain.split(/\s+/).length > 60) return false;
  const rest = plain.slice(n.length).replace(/^[.:\-–—\s]+/, '');
  if (n.style.startsWith('part-')) return rest === '' || mostlyUpperCase(rest);
  return n.style === 'roman' && mostlyUpperCase(rest);
}

/** A line without the container marks before its text (indentation, block-quote `>`). */
export function withoutMarks(line: string): string {
  return line.replace(CONTAINER, '');
}

/** The text of the line starting at `start` (container marks left out, trimmed) and where it starts. */
export function lineText(text: DocText, start: number, end: number): { offset: number; text: string } {
  const lineEnd = text.indexOf('\n', start);
  const to = lineEnd < 0 || lineEnd > end ? end : lineEnd;
  const raw = text.slice(start, to);
  const lead = CONTAINER.exec(raw)![0].length;
  return { offset: start + lead, text: raw.slice(lead).trim() };
}

/**
 * The line starts of `paragraph` (offsets into `text`) that begin a paragraph its author meant:
 * after a line that ends one, a line that opens one. In a paragraph wrapped by hand (a line that
 * breaks mid-sentence before a small letter) a full line may end a sentence by chance, so there
 * only a short line counts as a paragraph's last.
 */
export function meantBreaks(text: DocText, paragraph: ParagraphLines, at = 0): number[] {
  // The first line from its start: a list item's number ("1. Công tác …") is part of the line read.
  const lines = paragraph.lines.map((start, i) => lineText(text, i ? at + start : text.lastIndexOf('\n', at + start - 1) + 1, at + paragraph.end).text);
  // The subject line under "KẾ HOẠCH" / "BÁO CÁO" ends there, full stop or not.
  const ends = lines.map((line, i) => endsParagraph(line) || (i > 0 && DOCUMENT_KIND.test(unbolded(lines[i - 1]!)) && !mostlyUpperCase(line)));
  let wrapped = false;
  let longest = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    longest = Math.max(longest, lines[i]!.length);
    if (!ends[i] && /^\p{Ll}/u.test(lines[i + 1]!)) wrapped = true;
  }
  const out: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (isStrongTitle(next)) {
      out.push(paragraph.lines[i + 1]!);
      continue;
    }
    const caps = mostlyUpperCase(line);
    const nextCaps = mostlyUpperCase(next);
    // A long title in capitals goes on over two lines ("BÁO CÁO SƠ KẾT … ĐẠI BIỂU MẶT TRẬN" /
    // "TỔ QUỐC VIỆT NAM PHƯỜNG 12 …"): Markdown joins them into the one title they are. Short lines
    // in capitals (a signature's "TM. BAN THƯỜNG TRỰC" / "CHỦ TỊCH", a letterhead) stay apart.
    if (caps && nextCaps && line.length >= WRAPPED_TITLE && !numbered(line) && !numbered(next)) continue;
    // A title in capitals after a line of another kind (a date, a number, a name) opens its own.
    if (!(ends[i] || (nextCaps && !caps)) || !opensParagraph(next)) continue;
    if (wrapped && line.length >= 0.6 * longest && !nextCaps) continue;
    out.push(paragraph.lines[i + 1]!);
  }
  return out;
}
