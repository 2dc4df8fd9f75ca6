import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lastAtOrBefore } from '../core/lines';
import { PIECE_MAX, PieceText } from '../core/text';

const isLineBreak = (c: number) => c === 10 || c === 13;

/** Where each line of `text` starts after the first, plus `base` (`\r\n`, `\n` and `\r` end a line). */
function lineStarts(text: string, base: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (isLineBreak(c)) out.push(base + i + 1);
  }
  return out;
}

/**
 * An open document whose text is kept in pieces (`PieceText`), for the checks to read without a
 * fresh flat copy of a long report per keystroke (docs/performance.md). It behaves as the
 * `TextDocument` of vscode-languageserver-textdocument does — positions, offsets, line ends, the
 * handling of incremental and whole changes — and `getText()` joins the pieces only when asked.
 */
export class PieceDocument implements TextDocument {
  #text: PieceText;
  /** Where each line starts (computed when first needed after a change that lost them). */
  #lines?: number[];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
    /** The largest piece (tests make it small). */
    readonly pieceMax = PIECE_MAX,
  ) {
    this.#text = PieceText.of(content, pieceMax);
  }

  static create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, content);
  }

  static update(doc: PieceDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): PieceDocument {
    doc.update(changes, version);
    return doc;
  }

  /** The text as it is now, in pieces: a new value after each change, never modified. */
  get text(): PieceText {
    return this.#text;
  }

  getText(range?: Range): string {
    if (!range) return this.#text.toString();
    return this.#text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  get lineCount(): number {
    return this.#lineStarts().length;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.#text = PieceText.of(change.text, this.pieceMax);
        this.#lines = undefined;
        continue;
      }
      const { start, end } = wellFormed(change.range);
      const from = this.offsetAt(start);
      const to = this.offsetAt(end);
      this.#text = this.#text.replace(from, to, change.text);
      const text = this.#text;
      const insertedEnd = from + change.text.length;
      // A `\r\n` made or parted at either end of the edit: count the lines again when next needed.
      const pairAt = (i: number) => text.charCodeAt(i - 1) === 13 && text.charCodeAt(i) === 10;
      if (!this.#lines || pairAt(from) || pairAt(insertedEnd)) {
        this.#lines = undefined;
        continue;
      }
      const lines = this.#lines;
      const first = Math.max(start.line, 0);
      const last = Math.max(end.line, 0);
      const added = lineStarts(change.text, from);
      if (added.length < 10_000) lines.splice(first + 1, last - first, ...added);
      else this.#lines = [...lines.slice(0, first + 1), ...added, ...lines.slice(last + 1)];
      const delta = change.text.length - (to - from);
      const moved = this.#lines;
      if (delta) for (let i = first + 1 + added.length; i < moved.length; i++) moved[i]! += delta;
    }
    this.version = version;
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.#text.length), 0);
    const lines = this.#lineStarts();
    const line = lastAtOrBefore(lines, at);
    return { line, character: this.#beforeLineBreak(at, lines[line]!) - lines[line]! };
  }

  offsetAt(position: Position): number {
    const lines = this.#lineStarts();
    if (position.line >= lines.length) return this.#text.length;
    if (position.line < 0) return 0;
    const lineStart = lines[position.line]!;
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < lines.length ? lines[position.line + 1]! : this.#text.length;
    return this.#beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const lines = this.#lineStarts();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.#text.length - lines[last]! } };
    }
    const next = line + 1 < lines.length ? lines[line + 1]! : this.#text.length;
    return { start: { line, character: 0 }, end: { line, character: this.#beforeLineBreak(next, lines[line]!) - lines[line]! } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.#lineStarts();
    if (line < 0 || line >= lines.length) return '';
    const next = line + 1 < lines.length ? lines[line + 1]! : this.#text.length;
    return this.#text.slice(this.#beforeLineBreak(next, lines[line]!), next);
  }

  #lineStarts(): number[] {
    if (!this.#lines) {
      const starts = [0];
      for (const found of this.#pieceStarts()) for (const s of found) starts.push(s);
      this.#lines = starts;
    }
    return this.#lines;
  }

  /** Line starts piece by piece: a `\r` ending one piece and a `\n` opening the next are one break. */
  *#pieceStarts(): Generator<number[]> {
    let base = 0;
    let pendingCr = false;
    for (const piece of this.#text.pieces) {
      const found: number[] = [];
      let i = 0;
      if (pendingCr) {
        // The `\r` at the end of the last piece: one break with this `\n`, or a break of its own.
        found.push(piece.charCodeAt(0) === 10 ? base + 1 : base);
        if (piece.charCodeAt(0) === 10) i = 1;
      }
      pendingCr = false;
      for (; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        if (c === 13) {
          if (i + 1 === piece.length) {
            pendingCr = true;
            continue;
          }
          if (piece.charCodeAt(i + 1) === 10) i++;
          found.push(base + i + 1);
        } else if (c === 10) found.push(base + i + 1);
      }
      base += piece.length;
      yield found;
    }
    if (pendingCr) yield [base];
  }

  #beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.#text.charCodeAt(at - 1))) at--;
    return at;
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
