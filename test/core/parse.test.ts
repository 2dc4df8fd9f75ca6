import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { chunkStarts, parseMarkdown, parseWhole, ParseCache, plainChunk } from '../../server/src/core/parse.ts';
import { estimatePages, estimatePagesOf, estimatePagesWhole } from '../../server/src/core/pages.ts';

const piece = fc.constantFrom(
  '# I. MỤC ĐÍCH\n', '## 1. Công tác\n', '### a) Nhỏ\n', '#Không phải tiêu đề\n', 'Đoạn văn xuôi.\n', '\n', '\r\n',
  '```\n# trong code\n```\n', '~~~~\n## cũng trong code\n~~~\n', 'Tiêu đề setext\n===\n', 'Dòng\n---\n',
  '- mục\n- # không\n', '> # trích dẫn\n', '    # code thụt lề\n', '1. Danh sách\n2. Tiếp\n', 'Với.....lượt\n',
  '<!-- # html -->\n', '**II. IN ĐẬM**\n', 'x\n# tiêu đề cắt ngang đoạn\n', '```\nkhông đóng\n',
  // Blocks that hold blank lines, where a cut at a blank line would split one block in two.
  '<!--\nghi chú\n\n# không phải tiêu đề\n\nĐoạn trong chú thích\n-->\n', '<pre>\n\nx\n\n</pre>\n', '```\na\n\nb\n\n```\n',
  '``` a`b\n', '```js\n\n```js\n\nc\n```\n', '- một\n\n- hai\n\n  tiếp mục hai\n', '1. một\n\n2. hai\n', '> trích\n>\n> tiếp\n',
  '    mã\n\n    mã tiếp\n', '  thụt hai\n', '\n   thụt ba\n', ' - mục thụt\n\n   tiếp mục\n', '\n  1. số thụt\n', '   ```\n\n   ```\n', 'Đoạn [liên kết][x] ở đây.\n', '[x]: https://example.com\n', '***\n', '<div>\n\nkhối\n</div>\n',
  // Link references resolve against definitions anywhere: before, after, in quotes and lists, any case.
  '# Tiêu đề [x]\n', 'Xem [y][] và [Z], [không định nghĩa].\n', '> [y]: /trong-trich-dan\n', '- [z]: /trong-danh-sach\n', '[X]:\n/xuong-dong\n',
  'Chú thích [^1].\n', '[^1]: Theo Nghị quyết số 43\n', '[^1]: https://mattran.org.vn\n',
  // A label across lines in a quote (the `>` is not in it), with escapes, in other case and spacing.
  '> Xem [điều\n> lệ] và [a\\]b].\n', '[ĐIỀU   LỆ]: /dl\n', '[a\\]b]: /ab\n', '`[x]` trong mã\n',
  // `---` after the start is a rule or an underline, never front matter; a BOM there is text.
  '\n---\nkhông phải YAML\n---\n', '\n\uFEFFĐoạn sau BOM giữa văn bản.\n',
);
const doc = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 25 })).map(([fm, pieces]) =>
  (fm ? '---\ndecuong: ke-hoach\n# chú thích YAML\n---\n' : '') + pieces.join(''));

const headingsOf = (p: ReturnType<typeof parseWhole>) => p.headings.map((h) => [h.offset, h.end, h.depth, h.text, h.textOffset, h.textEnd]);

test('parsing chunk by chunk gives the same headings, prose and numbered lines as parsing whole', () => {
  fc.assert(fc.property(doc, (text) => {
    const whole = parseWhole(text);
    const chunked = parseMarkdown(text);
    assert.deepEqual(headingsOf(chunked), headingsOf(whole));
    const blocks = (p: typeof whole) => p.chunks.flatMap((c) => c.summary.blocks.map((b) => [b.type, b.offset + c.offset, b.end + c.offset]));
    assert.deepEqual(blocks(chunked), blocks(whole));
    assert.deepEqual(chunked.chunks.flatMap((c) => c.summary.prose.map(([a, b]) => [a + c.offset, b + c.offset])), whole.chunks[0]!.summary.prose);
    assert.deepEqual(chunked.numberedLines.map((l) => [l.offset, l.text]), whole.numberedLines.map((l) => [l.offset, l.text]));
    assert.equal(Boolean(chunked.frontMatter), Boolean(whole.frontMatter));
  }), { numRuns: 2000 });
});

test('the page layout of a parse chunk by chunk is the layout of the whole text', () => {
  fc.assert(fc.property(doc, (text) => {
    const whole = estimatePagesWhole(text);
    assert.deepEqual(estimatePagesOf(parseMarkdown(text)), whole);
    // Laid out again from the chunks' text (the parse's trees dropped, as after a check).
    const parsed = parseMarkdown(text);
    for (const c of parsed.chunks) c.tree = undefined;
    assert.deepEqual(estimatePagesOf(parsed), whole);
    assert.deepEqual(estimatePages(text), whole);
  }), { numRuns: 500 });
});

test('a definition in a quote or a list item reaches references in other chunks: parse and page estimate as the whole', () => {
  const filler = 'Đoạn văn đủ dài để chiếm một dòng của trang A4 khi dàn trang theo Nghị định 30. '.repeat(2);
  for (const text of [
    `> [y]: /trong-trich-dan\n\n${filler}\n\nXem [y][] và [Y] ${'[y] '.repeat(150)}\n`,
    `- [z]: /trong-danh-sach\n\n${filler}\n\nXem [z] ${'[Z] '.repeat(150)}\n`,
  ]) {
    const whole = parseWhole(text);
    const chunked = parseMarkdown(text);
    assert.ok(chunked.chunks.length >= 3, 'parsed in chunks');
    assert.deepEqual(chunked.chunks.flatMap((c) => c.summary.prose.map(([a, b]) => [a + c.offset, b + c.offset])), whole.chunks[0]!.summary.prose);
    // Links take their text only: the brackets leave the page estimate.
    assert.deepEqual(estimatePagesOf(chunked), estimatePagesWhole(text));
    assert.deepEqual(estimatePages(text), estimatePagesWhole(text), 'from the text alone');
    assert.notEqual(estimatePagesWhole(text).decimal, estimatePagesWhole(text.replace(']: /', ']: no-def /')).decimal, 'the references change the layout');
  }
});

test('front matter comments and fenced code never start a chunk', () => {
  const text = '---\n# comment\n---\n# A\n```\n# not\n```\n## B\n';
  assert.deepEqual(chunkStarts(text).map((s) => text.slice(s, s + 4)), ['---\n', '# A\n', '## B']);
});

test('an edit re-parses only the chunk it touched', () => {
  const sections = Array.from({ length: 50 }, (_, i) => `## ${i + 1}. Mục ${i + 1}\n\nNội dung của mục ${i + 1}.\n`);
  const text = '# BÁO CÁO\n\n' + sections.join('\n');
  const cache = new ParseCache();
  parseMarkdown(text, cache);
  assert.equal(cache.misses, 101, 'one chunk per heading and one per paragraph after a blank line');
  const edited = text.replace('Nội dung của mục 25.', 'Nội dung của mục 25 đã sửa.');
  const again = parseMarkdown(edited, cache);
  assert.equal(cache.misses, 1);
  assert.deepEqual(headingsOf(again), headingsOf(parseWhole(edited)));
});

test('offsets survive a BOM, CRLF and NFD text', () => {
  const text = '\uFEFF---\r\ndecuong: ke-hoach\r\n---\r\n# BÁO CÁO\r\n\r\n## I. MỤC ĐÍCH\r\n'.normalize('NFD');
  const p = parseMarkdown(text);
  assert.equal(p.frontMatter!.entries.get('decuong')!.value, 'ke-hoach');
  for (const h of p.headings) assert.equal(text.slice(h.textOffset, h.textEnd), h.text);
});

test('a chunk of plain prose (paragraphs, heading lines, bullet lists) is built without micromark exactly as micromark builds it', () => {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  const bit = fc.constantFrom('Công', 'tác', '- ', '+ ', '\n- ', '## ', '# ', '\n### ', '####### ', ' #', 'đ', 'Ư', ' ', ' ', '\n', '\n\n', '1.', '2)', '2019', '1.5', '-', '+', '*', '_', '`', '[', ']', '!', '<', '>', '&amp;', '\\', '“', '”', '(', ')', '#', '=', '---', '\t', '\r\n', '\r', '\r\n\r\n', '  \n', 'I. ', 'a) ', '😀', '.....', '…', '%', ':', '\u0301', '\u00a0', '|', '~~~', '    ');
  let plain = 0;
  const kinds: Record<string, number> = {};
  // Free mixtures of the bits, and lines that each open with a bullet, a heading marker or nothing.
  const mixture = fc.array(bit, { minLength: 1, maxLength: 30 }).map((bits) => bits.join(''));
  // Line breaks LF or CRLF, as Windows editors write them.
  const eol = fc.constantFrom('\n', '\r\n');
  const lines = fc.tuple(fc.constantFrom('- ', '+ ', '## ', '', ' ', '   '), fc.array(fc.array(bit, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(0, 1, 2), eol)
    .map(([marker, ls, tail, nl]) => ls.map((l) => marker + l.join('')).join(nl) + nl.repeat(tail));
  const mixedLines = fc.tuple(fc.array(fc.tuple(fc.constantFrom('- ', '+ ', '## ', '', '', '\n- ', ' ', '  ', '   ', '    ', '\n  '), fc.array(bit, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 8 }), eol)
    .map(([ls, nl]) => ls.map(([marker, words]) => marker + words.join('')).join(nl) + nl + nl);
  fc.assert(fc.property(fc.oneof(mixture, lines, mixedLines), (text) => {
    const tree = plainChunk(text);
    if (!tree) return;
    plain++;
    kinds[tree.children![0]!.type] = (kinds[tree.children![0]!.type] ?? 0) + 1;
    assert.deepEqual(tree, JSON.parse(JSON.stringify(processor.parse(text))));
  }), { numRuns: Number(process.env.PLAIN_RUNS ?? 20000) });
  assert.ok(plain > 300 && (kinds.heading ?? 0) > 50 && (kinds.list ?? 0) > 50, `plain chunks among the cases: ${JSON.stringify(kinds)}`);
  // Prose as reports have it is plain; markup or a list line is not.
  assert.ok(plainChunk('Năm 2023, Ủy ban MTTQ xã đã tổ chức 12 cuộc họp (đạt 100%).\nKết quả “tốt”.\n\n'));
  assert.equal(plainChunk('Năm 2023 **đạt**.\n'), undefined);
  assert.ok(plainChunk('Đang gõ dở \n'), 'a space typed at the end of a line');
  assert.ok(plainChunk('Dòng một\r\nDòng hai\r\n\r\n'), 'CRLF line breaks');
  assert.equal(plainChunk('Ngắt dòng  \ncứng\n'), undefined);
  for (const sample of ['Mở đầu\n- mục\n', '## - Mục\n- một\ndòng tiếp\n\n- hai\n\n']) {
    assert.deepEqual(plainChunk(sample), JSON.parse(JSON.stringify(processor.parse(sample))), sample);
  }
  assert.equal(plainChunk('- mục\n\n  thụt lề\n'), undefined);
  // Enter typed before a space leaves the next line led by it: still prose.
  assert.ok(plainChunk('Kết quả\n đạt được\n'), 'a paragraph line led by a space');
  assert.ok(plainChunk('## 1. Mục\n   Đoạn thụt ba dấu cách.\n'), 'a paragraph opened with 3 spaces');
  assert.equal(plainChunk('    mã thụt lề\n'), undefined, '4 spaces open indented code');
  assert.equal(plainChunk('## 1. Công tác tuyên truyền\n\n')?.children?.[0]?.type, 'heading');
  assert.deepEqual(plainChunk('## I. MỤC ĐÍCH\nNội dung ngay dưới tiêu đề.\n')?.children?.map((c) => c.type), ['heading', 'paragraph']);
  assert.ok(plainChunk('..... người tham dự.\n'), 'a blank to fill at the start of a line');
  assert.equal(plainChunk('- Tổ chức 12 cuộc họp.\n- Vận động 300 hộ.\n')?.children?.[0]?.type, 'list');
});
