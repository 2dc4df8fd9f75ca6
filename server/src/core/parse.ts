import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parseDocument } from 'yaml';
import { parseNumbering, type Numbering } from './numbering';
import { titleKeys, type TitleKeys } from './normalize';

/** A heading of a report or template, with offsets into the original text. */
export interface Heading {
  /** Markdown depth: 1 for `#` … 6. */
  depth: number;
  /** Offsets of the whole heading (marker to end of line, or to the setext underline). */
  offset: number;
  end: number;
  /** Offsets of the heading's text content (after `## `), empty range at `end` when it has none. */
  textOffset: number;
  textEnd: number;
  /** Plain text of the heading, emphasis markers removed. */
  text: string;
  numbering?: Numbering;
  keys: TitleKeys;
  setext: boolean;
}

/** A top-level block other than a heading (paragraph, list, table, code …). */
export interface Block {
  type: string;
  offset: number;
  end: number;
}

export interface FrontMatterEntry {
  key: string;
  value: unknown;
  /** Offsets of the value (or of the key when the value is empty). */
  offset: number;
  end: number;
}

export interface FrontMatter {
  offset: number;
  end: number;
  entries: Map<string, FrontMatterEntry>;
  /** YAML errors with offsets into the original text. */
  errors: Array<{ offset: number; end: number; message: string }>;
}

export interface ParsedMarkdown {
  text: string;
  frontMatter?: FrontMatter;
  headings: Heading[];
  blocks: Block[];
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

function plainText(node: MdNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'break') return ' ';
  return (node.children ?? []).map(plainText).join('');
}

function startOf(node: MdNode): number {
  return node.position?.start.offset ?? 0;
}
function endOf(node: MdNode): number {
  return node.position?.end.offset ?? 0;
}

function readFrontMatter(node: MdNode, text: string): FrontMatter {
  const offset = startOf(node);
  const end = endOf(node);
  const yamlText = node.value ?? '';
  // The YAML body begins on the line after the opening `---`; remark gives its value without it.
  const nl = text.indexOf('\n', offset);
  const firstBreak = nl < 0 ? offset : nl + 1;
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  const entries = new Map<string, FrontMatterEntry>();
  const errors: FrontMatter['errors'] = doc.errors.map((e) => ({
    offset: firstBreak + Math.min(e.pos[0], yamlText.length),
    end: firstBreak + Math.min(Math.max(e.pos[1], e.pos[0] + 1), yamlText.length),
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const contents = doc.contents as { items?: Array<{ key: unknown; value: unknown }> } | null;
  for (const item of contents?.items ?? []) {
    const keyNode = item.key as { value?: unknown; range?: number[] } | null;
    const valueNode = item.value as { range?: number[]; toJSON?: () => unknown } | null;
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const range = valueNode?.range ?? keyNode.range ?? [0, 0];
    entries.set(keyNode.value, {
      key: keyNode.value,
      value: valueNode && typeof valueNode.toJSON === 'function' ? valueNode.toJSON() : (valueNode as unknown),
      offset: firstBreak + (range[0] ?? 0),
      end: firstBreak + (range[1] ?? 0),
    });
  }
  return { offset, end, entries, errors };
}

/**
 * Parses Markdown into headings, top-level blocks and front matter. Offsets are UTF-16 code units
 * of `text` exactly as given (BOM, CRLF and NFD included).
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  // micromark drops a BOM and counts offsets without it; parse without it and shift back.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let tree: MdNode;
  try {
    tree = processor.parse(bom ? text.slice(1) : text) as unknown as MdNode;
    if (bom) shiftPositions(tree, bom);
  } catch {
    return { text, headings: [], blocks: [] };
  }
  const headings: Heading[] = [];
  const blocks: Block[] = [];
  let frontMatter: FrontMatter | undefined;
  for (const node of tree.children ?? []) {
    if (node.type === 'yaml' && !frontMatter && startOf(node) <= 1) {
      frontMatter = readFrontMatter(node, text);
    } else if (node.type === 'heading') {
      headings.push(toHeading(node, text));
    } else {
      blocks.push({ type: node.type, offset: startOf(node), end: endOf(node) });
    }
  }
  return { text, frontMatter, headings, blocks };
}

function shiftPositions(node: MdNode, by: number): void {
  if (node.position) {
    if (node.position.start.offset !== undefined) node.position.start.offset += by;
    if (node.position.end.offset !== undefined) node.position.end.offset += by;
  }
  for (const child of node.children ?? []) shiftPositions(child, by);
}

function toHeading(node: MdNode, text: string): Heading {
  const offset = startOf(node);
  const end = endOf(node);
  const children = node.children ?? [];
  const first = children[0];
  const last = children[children.length - 1];
  const plain = plainText(node).replace(/\s+/gu, ' ').trim();
  const setext = text[offset] !== '#';
  const nfc = plain.normalize('NFC');
  return {
    depth: node.depth ?? 1,
    offset,
    end,
    textOffset: first ? startOf(first) : end,
    textEnd: last ? endOf(last) : end,
    text: plain,
    numbering: parseNumbering(nfc),
    keys: titleKeys(plain),
    setext,
  };
}
