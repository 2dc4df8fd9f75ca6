import { lastAtOrBefore } from './lines';

/**
 * A document's text as the checks read it: a `string`, or `PieceText` — the text kept in pieces,
 * so that an edit of a long report does not make (and the checks do not read) a fresh flat copy of
 * the whole text per keystroke. Reads within a piece cost what they cost on a string.
 */
export interface DocText {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  charAt(index: number): string;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
  includes(search: string): boolean;
}

/** The text as one string: a `PieceText` joins its pieces (once; see `PieceText.toString`). */
export const flat = (text: DocText): string => (typeof text === 'string' ? text : text.toString());

/** A slice over more pieces than this counts as a join (see `PieceText.joins`). */
const JOIN_PIECES = 4;

/** Largest piece, in UTF-16 units: 64 KB, under V8's 128 KB bound for objects on its regular (reused) pages. */
export const PIECE_MAX = 32 * 1024;

/**
 * An immutable text made of pieces (each under `PIECE_MAX`), read like a string. A long report's
 * text as one string is a fresh large object per keystroke, and what costs there is not the copy
 * but faulting its fresh pages in (≈ 5 ms per keystroke at 300 pages: docs/performance.md); pieces
 * live on pages that V8 reuses. `toString` joins them when something needs the whole text.
 */
export class PieceText implements DocText {
  readonly length: number;
  readonly #pieces: readonly string[];
  /** Where each piece starts. */
  readonly #starts: readonly number[];
  #joined?: string;
  #hint = 0;
  /**
   * How many times a text was joined whole, or a slice of it made of more than `JOIN_PIECES`
   * pieces: for tests and benchmarks (typing in prose joins none).
   */
  static joins = 0;

  /** `max`: the largest piece an edit makes (tests make it small, to read across many pieces). */
  constructor(pieces: readonly string[], readonly max = PIECE_MAX) {
    const kept = pieces.filter((p) => p.length > 0);
    const starts: number[] = [];
    let at = 0;
    for (const p of kept) {
      starts.push(at);
      at += p.length;
    }
    this.#pieces = kept;
    this.#starts = starts;
    this.length = at;
  }

  /** A string's text in pieces (the same text; no copy is made). */
  static of(text: string, max = PIECE_MAX): PieceText {
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += max) pieces.push(text.slice(i, i + max));
    return new PieceText(pieces, max);
  }

  get pieces(): readonly string[] {
    return this.#pieces;
  }

  /**
   * This text with [start, end) replaced by `inserted`: a new text that shares every piece the
   * edit did not touch. The touched piece is rebuilt (split when it grows past `PIECE_MAX`, joined
   * with a neighbour when it shrinks to a fraction of it).
   */
  replace(start: number, end: number, inserted: string): PieceText {
    const pieces = this.#pieces;
    if (!pieces.length) return PieceText.of(inserted, this.max);
    const from = Math.min(Math.max(start, 0), this.length);
    const to = Math.min(Math.max(end, from), this.length);
    // The pieces the edit touches: an insertion at a piece's end goes into that piece.
    let a = this.#pieceAt(Math.max(0, from - 1));
    if (from === this.#starts[a]! + pieces[a]!.length && a + 1 < pieces.length && to > from) a++;
    const b = to > from ? this.#pieceAt(to - 1) : a;
    let before = a;
    let after = b + 1;
    let middle = pieces[a]!.slice(0, from - this.#starts[a]!) + inserted + pieces[b]!.slice(to - this.#starts[b]!);
    // Keep pieces from dwindling under many deletions: a small one joins a neighbour that has room.
    if (middle.length < this.max / 4) {
      if (before > 0 && pieces[before - 1]!.length + middle.length <= this.max) middle = pieces[--before]! + middle;
      else if (after < pieces.length && pieces[after]!.length + middle.length <= this.max) middle = middle + pieces[after++]!;
    }
    const made: string[] = [];
    if (middle.length <= this.max) made.push(middle);
    else {
      // Even parts of at most PIECE_MAX, so that the next edits have room in them.
      const parts = Math.ceil(middle.length / this.max);
      const size = Math.ceil(middle.length / parts);
      for (let i = 0; i < middle.length; i += size) made.push(middle.slice(i, i + size));
    }
    return new PieceText([...pieces.slice(0, before), ...made, ...pieces.slice(after)], this.max);
  }

  toString(): string {
    if (this.#joined === undefined) {
      PieceText.joins++;
      this.#joined = this.#pieces.join('');
    }
    return this.#joined;
  }

  /** The piece that holds `offset` (0 ≤ offset < length). */
  #pieceAt(offset: number): number {
    const starts = this.#starts;
    // Reads come in runs along the text: try the piece of the last one first.
    const hint = this.#hint;
    if (starts[hint]! <= offset && (hint + 1 === starts.length || offset < starts[hint + 1]!)) return hint;
    return (this.#hint = lastAtOrBefore(starts, offset));
  }

  charCodeAt(index: number): number {
    if (this.#joined !== undefined) return this.#joined.charCodeAt(index);
    const i = Math.trunc(index) || 0;
    if (i < 0 || i >= this.length) return NaN;
    const k = this.#pieceAt(i);
    return this.#pieces[k]!.charCodeAt(i - this.#starts[k]!);
  }

  charAt(index: number): string {
    const c = this.charCodeAt(index);
    return Number.isNaN(c) ? '' : String.fromCharCode(c);
  }

  slice(start?: number, end?: number): string {
    if (this.#joined !== undefined) return this.#joined.slice(start, end);
    const n = this.length;
    const clamp = (v: number | undefined, fallback: number) => {
      if (v === undefined) return fallback;
      const t = Math.trunc(v) || 0;
      return t < 0 ? Math.max(0, n + t) : Math.min(t, n);
    };
    const from = clamp(start, 0);
    const to = clamp(end, n);
    if (to <= from) return '';
    let k = this.#pieceAt(from);
    const local = from - this.#starts[k]!;
    const first = this.#pieces[k]!;
    if (to - this.#starts[k]! <= first.length) return first.slice(local, to - this.#starts[k]!);
    if (this.#pieceAt(to - 1) - k >= JOIN_PIECES) PieceText.joins++;
    let out = first.slice(local);
    for (k++; k < this.#pieces.length && this.#starts[k]! < to; k++) {
      const p = this.#pieces[k]!;
      out += to - this.#starts[k]! >= p.length ? p : p.slice(0, to - this.#starts[k]!);
    }
    return out;
  }

  indexOf(search: string, from?: number): number {
    if (this.#joined !== undefined) return this.#joined.indexOf(search, from);
    const n = this.length;
    const start = Math.min(Math.max(Math.trunc(from ?? 0) || 0, 0), n);
    const m = search.length;
    if (m === 0) return start;
    if (start >= n) return -1;
    for (let k = this.#pieceAt(start); k < this.#pieces.length; k++) {
      const base = this.#starts[k]!;
      const p = this.#pieces[k]!;
      const local = Math.max(0, start - base);
      const found = p.indexOf(search, local);
      if (found >= 0) return base + found;
      // A match that begins in this piece and ends in a later one.
      if (m > 1 && k + 1 < this.#pieces.length) {
        const ws = base + Math.max(local, p.length - (m - 1));
        const window = this.slice(ws, base + p.length + m - 1);
        const across = window.indexOf(search);
        if (across >= 0 && ws + across < base + p.length) return ws + across;
      }
    }
    return -1;
  }

  lastIndexOf(search: string, from?: number): number {
    if (this.#joined !== undefined) return this.#joined.lastIndexOf(search, from);
    const n = this.length;
    const m = search.length;
    const f = from === undefined || Number.isNaN(from) ? Infinity : Math.trunc(from);
    // The latest position a match may begin at.
    const last = Math.min(Math.max(f, 0), n - m);
    if (last < 0) return -1;
    if (m === 0) return last;
    for (let k = this.#pieceAt(Math.min(last, n - 1)); k >= 0; k--) {
      const base = this.#starts[k]!;
      const p = this.#pieces[k]!;
      const end = base + p.length;
      // Matches that begin in this piece and end in a later one come after those inside it.
      if (m > 1 && k + 1 < this.#pieces.length) {
        const ws = Math.max(base, end - (m - 1));
        if (ws <= last) {
          const window = this.slice(ws, end + m - 1);
          const across = window.lastIndexOf(search, Math.min(last, end - 1) - ws);
          if (across >= 0) return ws + across;
        }
      }
      const found = p.lastIndexOf(search, last - base);
      if (found >= 0 && found + m <= p.length) return base + found;
    }
    return -1;
  }

  includes(search: string): boolean {
    return this.indexOf(search) >= 0;
  }
}
