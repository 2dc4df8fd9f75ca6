import type { DocText } from './text';
/** Offset ↔ (line, character) in UTF-16 code units, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  readonly #starts: number[];
  constructor(text: DocText) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.#starts = starts;
  }
  position(offset: number): Position {
    const line = lastAtOrBefore(this.#starts, offset);
    return { line, character: offset - this.#starts[line]! };
  }
  offset(pos: Position): number {
    const start = this.#starts[Math.min(pos.line, this.#starts.length - 1)] ?? 0;
    return start + pos.character;
  }
}

/** The index of the last of `sorted` (ascending, starting at or below `value`) that is at most `value`: the line or piece that holds an offset. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where the line holding `from` ends (before its line break; the text's length on the last line). */
export function lineEndAt(text: DocText, from = 0): number {
  let i = Math.max(0, from);
  for (let c = text.charCodeAt(i); i < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++i));
  return Math.min(i, text.length);
}

/** The line break a file uses, so inserted text keeps CRLF files CRLF. */
export function lineBreakOf(text: DocText): string {
  const i = text.indexOf('\n');
  // A file of old Mac line ends (`\r` alone) keeps them too.
  if (i < 0) return text.includes('\r') ? '\r' : '\n';
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/**
 * The text's size in UTF-8 bytes, as a file on disk (the large-file threshold is in MB): a
 * Vietnamese letter with its marks takes 2–3 bytes for its one UTF-16 unit. Counted only between
 * `atMost` and three times it: below, the bytes are surely under; above, surely over.
 */
export function utf8SizeOver(text: DocText, atMost: number): boolean {
  if (text.length > atMost) return true;
  if (text.length * 3 <= atMost) return false;
  return utf8Length(text) > atMost;
}

export function utf8Length(text: DocText): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each of its units.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return bytes;
}
