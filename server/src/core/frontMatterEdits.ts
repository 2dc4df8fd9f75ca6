import { flat, type DocText } from './text';
// The report's YAML front matter as far as choosing its outline needs it: read `decuong:` / `cap:`, and
// the edits that set them (the commands' and the no-template fix's). Offsets are UTF-16 into the text as given.

export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

interface Line {
  start: number;
  /** The line without its line ending. */
  text: string;
  /** Offset just past its line ending. */
  next: number;
}

interface FrontMatter {
  /** Offset where the front matter (or, without one, the document) starts: after a BOM. */
  start: number;
  /** The lines between the `---` markers; undefined when there is no front matter. */
  body?: Line[];
  /** The opening `---` has no closing `---` / `...`. */
  unterminated?: boolean;
}

function lines(text: string, from: number): Line[] {
  const out: Line[] = [];
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, text: m[1]!, next: m.index + m[0].length });
    if (!m[2]) break;
  }
  return out;
}

function frontMatter(text: DocText): FrontMatter {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const all = lines(flat(text), start);
  if (all[0]?.text.trimEnd() !== '---') return { start };
  const close = all.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
  if (close < 0) return { start, unterminated: true };
  return { start, body: all.slice(1, close) };
}

const keyLine = (body: Line[], key: string) => body.find((l) => new RegExp(`^["']?${key}["']?[ \\t]*:`).test(l.text));

function unquote(value: string): string {
  const v = value.replace(/\s+#.*$/, '').trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/** `decuong:` and `cap:` of the front matter, when it has them. */
export function readTemplateChoice(text: string): { id?: string; cap?: string } {
  const { body } = frontMatter(text);
  if (!body) return {};
  const value = (key: string) => {
    const line = keyLine(body, key);
    const v = line ? unquote(line.text.slice(line.text.indexOf(':') + 1)) : '';
    return v || undefined;
  };
  return { id: value('decuong'), cap: value('cap') };
}

/** A YAML scalar: plain when it is a simple name, double-quoted otherwise. */
function scalar(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(value) ? value : JSON.stringify(value);
}

/**
 * The edits that make the front matter say `decuong: <id>` and, when `cap` is a string,
 * `cap: <cap>` (`null` removes a `cap:` line, `undefined` leaves it as it is). Existing lines are
 * replaced in place, missing ones go at the top of the front matter, and a report without front
 * matter gets one before its first line (after a BOM). Every inserted line ends with `eol`.
 * Returns `'unterminated'` when the front matter has no closing `---`: editing it would guess.
 */
export function templateChoiceEdits(text: DocText, eol: string, id: string, cap?: string | null): TextChange[] | 'unterminated' {
  const fm = frontMatter(text);
  if (fm.unterminated) return 'unterminated';
  const idLine = `decuong: ${scalar(id)}`;
  const capLine = typeof cap === 'string' ? `cap: ${scalar(cap)}` : undefined;
  if (!fm.body) return [{ offset: fm.start, length: 0, text: `---${eol}${idLine}${eol}${capLine ? `${capLine}${eol}` : ''}---${eol}` }];

  const body = fm.body;
  const top = body[0]?.start ?? lines(flat(text), fm.start)[1]!.start;
  const edits: TextChange[] = [];
  const replace = (line: Line, value: string) => {
    if (line.text !== value) edits.push({ offset: line.start, length: line.text.length, text: value });
  };
  const oldId = keyLine(body, 'decuong');
  const oldCap = keyLine(body, 'cap');
  if (oldId) replace(oldId, idLine);
  if (capLine && oldCap) replace(oldCap, capLine);
  if (cap === null && oldCap) edits.push({ offset: oldCap.start, length: oldCap.next - oldCap.start, text: '' });
  if (!oldId) edits.push({ offset: top, length: 0, text: `${idLine}${eol}${capLine && !oldCap ? `${capLine}${eol}` : ''}` });
  else if (capLine && !oldCap) edits.push({ offset: oldId.next, length: 0, text: `${capLine}${eol}` });
  // An insertion where a line is removed becomes one replacement (edits must not touch).
  edits.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return edits.reduce<TextChange[]>((out, e) => {
    const last = out[out.length - 1];
    if (last && last.offset === e.offset && last.length === 0) out[out.length - 1] = { offset: e.offset, length: e.length, text: last.text + e.text };
    else out.push(e);
    return out;
  }, []);
}
