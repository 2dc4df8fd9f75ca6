import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, estimatePages, ParseCache } from '../../server/src/core/index.ts';
import { parseMarkdown, parseWhole, type ParsedChunk, type ParsedMarkdown } from '../../server/src/core/parse.ts';
import { perChunk, type CheckContext } from '../../server/src/core/check.ts';
import { PieceText } from '../../server/src/core/text.ts';
import { builtinRegistry, mulberry32, readFixture } from '../helpers.ts';

const PIECES = ['a', 'ệ', 'ư', ' ', '.', '…', '\n', '\n\n', '# ', '## ', '### II. ', '\n## 3. Mục mới\n', '.....', '__', '```\n', '**', '1. ', '---\n', '(Địa danh)', 'I.',
  // What changes where the document may be cut: blocks holding blank lines, lists.
  '\n<!--\n', '-->\n', '\n<div>\n', '- ', '\n\n    ', '[x]', '\r\n',
  // Link reference definitions typed and cut (a reference anywhere becomes a link), and a line that only looks like one.
  '\n\n[X]: /mau\n\n', '[^1]: Theo Nghị quyết\n'];

/** Strips what may legitimately differ between runs (nothing should): compare whole findings. */
const snapshot = (r: ReturnType<typeof check>) => JSON.stringify({ findings: r.findings, template: r.template?.id, sections: r.outline.all.map((s) => [s.heading.offset, s.heading.text, s.level]) });

test('incremental checking gives exactly the from-scratch result after every one of 2 300 random edits', () => {
  const random = mulberry32(20261124);
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  // As pasted from Word: no `#`, no blank line — one paragraph of joined lines and unmarked titles.
  const pasted = complete.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^#+ /gm, '').replace(/\n\n+/g, '\n');
  // [document, edits]: the third is the first with Windows line breaks.
  const docs: Array<[string, number]> = [[complete, 800], [readFixture('seeds', '004-kiem-diem-tap-the-ban-thuong-truc.md'), 700], [complete.replace(/\n/g, '\r\n'), 500], [pasted, 300]];
  let edits = 0;
  let reparsed = 0;
  /** Checks that moved the last structural findings (some of them) rather than finding them again. */
  let moved = 0;
  let movedFindings = 0;
  for (const [start, count] of docs) {
    let text = start;
    // One cache told of every edit (as the server keeps it), one that finds the edit by comparing.
    const told = new ParseCache({ tellsEdits: true });
    const untold = new ParseCache();
    // And the text as the server keeps it: in pieces (small ones here, so that reads cross them).
    const piecedCache = new ParseCache({ tellsEdits: true });
    let pieced = PieceText.of(text, 61);
    const options = { placeholders: ['X{3,}'] };
    check(text, builtinRegistry(), options, told);
    check(text, builtinRegistry(), options, untold);
    check(pieced, builtinRegistry(), options, piecedCache);
    for (let i = 0; i < count; i++) {
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.35 && text.length > 10) {
        const len = Math.min(1 + Math.floor(random() * 12), text.length - at);
        told.edited(at, len, 0);
        piecedCache.edited(at, len, 0);
        pieced = pieced.replace(at, at + len, '');
        text = text.slice(0, at) + text.slice(at + len);
      } else {
        const piece = PIECES[Math.floor(random() * PIECES.length)]!;
        told.edited(at, 0, piece.length);
        piecedCache.edited(at, 0, piece.length);
        pieced = pieced.replace(at, at, piece);
        text = text.slice(0, at) + piece + text.slice(at);
      }
      const fresh = check(text, builtinRegistry(), options);
      for (const cache of [told, untold]) {
        const incremental = check(text, builtinRegistry(), options, cache);
        assert.equal(snapshot(incremental), snapshot(fresh), `edit ${i}`);
        assert.deepEqual(incremental.pages, fresh.pages, `pages at edit ${i}`);
      }
      const fromPieces = check(pieced, builtinRegistry(), options, piecedCache);
      assert.equal(snapshot(fromPieces), snapshot(fresh), `in pieces, edit ${i}`);
      assert.deepEqual(fromPieces.pages, fresh.pages, `in pieces, pages at edit ${i}`);
      reparsed += told.misses;
      if (told.movedChecks.length) {
        moved++;
        movedFindings += fresh.findings.filter((f) => told.movedChecks.includes(f.code)).length;
      }
      // The page estimate from trees handed on by the parse equals a layout that parses itself.
      if (i % 50 === 0) assert.deepEqual(fresh.pages, estimatePages(text), `pages at edit ${i}`);
      edits++;
    }
  }
  assert.equal(edits, 2300);
  // Most edits re-parse one chunk or two.
  assert.ok(reparsed / edits < 3, `chunks re-parsed per edit: ${reparsed / edits}`);
  // The path that moves structural findings is taken, and with findings to move.
  assert.ok(moved > 500 && movedFindings > 1000, `structure moved in ${moved} of ${edits} checks, ${movedFindings} findings`);
  console.log(`structure moved in ${moved} of ${edits} checks, ${movedFindings} findings`);
});

/** Prose ranges of a parse, in offsets of its text: where a reference turned link differs from text. */
const proseOf = (doc: ParsedMarkdown) => doc.chunks.flatMap((c) => c.summary.prose.map(([a, b]) => [a + c.offset, b + c.offset]));

test('a link reference definition typed in and taken out: only the chunks that may refer to it are parsed again', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  // A reference in the middle of the report, defined (or not) further down.
  const mid = complete.indexOf('\n\n', complete.length >> 2) + 2;
  const start = `${complete.slice(0, mid)}Theo [Điều lệ MTTQ] đã ban hành.\n\n${complete.slice(mid)}`;
  const cache = new ParseCache({ tellsEdits: true });
  check(start, builtinRegistry(), {}, cache);
  const at = start.indexOf('\n\n', (start.length * 3) >> 2) + 2;
  const definition = '[điều lệ  mttq]: https://mattran.org.vn\n\n';
  cache.edited(at, 0, definition.length);
  const withDefinition = start.slice(0, at) + definition + start.slice(at);
  const one = check(withDefinition, builtinRegistry(), {}, cache);
  const fresh = check(withDefinition, builtinRegistry(), {});
  assert.equal(snapshot(one), snapshot(fresh));
  assert.deepEqual(one.pages, fresh.pages);
  assert.deepEqual(proseOf(one.context.doc), proseOf(parseWhole(withDefinition)), 'as micromark parses the whole text');
  // The reference is a link now: its brackets are no longer prose.
  const ref = withDefinition.indexOf('[Điều lệ MTTQ]');
  assert.ok(!proseOf(one.context.doc).some(([a, b]) => a! <= ref && ref < b!), 'the brackets are markup');
  assert.ok(proseOf(check(start, builtinRegistry(), {}).context.doc).some(([a, b]) => a! <= ref && ref < b!), 'undefined, they are text');
  const chunks = one.context.doc.chunks;
  assert.ok(chunks.length > 20);
  const withBracket = chunks.filter((c) => withDefinition.slice(c.offset, c.end).includes('[')).length;
  assert.ok(cache.misses <= withBracket + 2 && cache.misses < chunks.length / 2, `parsed again: ${cache.misses} of ${chunks.length} chunks (${withBracket} with a bracket)`);
  // A keystroke elsewhere, the definitions as they were: one chunk.
  const prose = withDefinition.indexOf('.', withDefinition.length >> 1);
  cache.edited(prose, 0, 1);
  const typed = withDefinition.slice(0, prose) + 'a' + withDefinition.slice(prose);
  assert.equal(snapshot(check(typed, builtinRegistry(), {}, cache)), snapshot(check(typed, builtinRegistry(), {})));
  assert.equal(cache.misses, 1);
  cache.edited(prose, 1, 0);
  cache.edited(at, definition.length, 0);
  const back = check(start, builtinRegistry(), {}, cache);
  assert.equal(snapshot(back), snapshot(check(start, builtinRegistry(), {})));
  assert.deepEqual(proseOf(back.context.doc), proseOf(parseWhole(start)));
});

test('a line that only looks like a definition (a footnote) leaves a keystroke to one chunk', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const text = `${complete}\n[^1]: Theo Nghị quyết số 43 của Ban Chấp hành\n`;
  const cache = new ParseCache({ tellsEdits: true });
  check(text, builtinRegistry(), {}, cache);
  const at = text.indexOf('.', text.length >> 1);
  cache.edited(at, 0, 1);
  const typed = text.slice(0, at) + 'ệ' + text.slice(at);
  assert.equal(snapshot(check(typed, builtinRegistry(), {}, cache)), snapshot(check(typed, builtinRegistry(), {})));
  assert.equal(cache.misses, 1);
});

test('a fence left open at the end, which would take in definitions parsed after it: chunks as before, the same result as the whole', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const closed = `[mau]: https://mattran.org.vn\n\n${complete}\nXem [mau].\n\`\`\`\nmã [mau]\n\`\`\`\n`;
  const cache = new ParseCache({ tellsEdits: true });
  check(closed, builtinRegistry(), {}, cache);
  // Cut the closing fence: the code block now runs to the end of the text.
  const open = closed.slice(0, -4);
  cache.edited(open.length, 4, 0);
  for (const text of [open, closed]) {
    const incremental = check(text, builtinRegistry(), {}, cache);
    const fresh = check(text, builtinRegistry(), {});
    assert.equal(snapshot(incremental), snapshot(fresh));
    assert.deepEqual(incremental.pages, fresh.pages);
    assert.deepEqual(proseOf(incremental.context.doc), proseOf(parseWhole(text)), 'as micromark parses the whole text');
    assert.ok(incremental.context.doc.chunks.length > 20);
    assert.ok(cache.misses <= 2, `parsed again: ${cache.misses}`);
    cache.edited(open.length, 0, 4);
  }
  // The reference before the fence is a link, as in the whole text.
  const ref = open.lastIndexOf('Xem [mau]') + 4;
  assert.ok(!proseOf(check(open, builtinRegistry(), {}).context.doc).some(([a, b]) => a! <= ref && ref < b!));
});

test('a report in one chunk that defines and refers, a fence left open at its end: as the whole', () => {
  const text = '# BÁO CÁO\n[mau]: https://mattran.org.vn\nXem [mau] và [MAU].\n```\nmã [mau]\n';
  const cache = new ParseCache({ tellsEdits: true });
  const one = check(text, builtinRegistry(), {}, cache);
  assert.equal(one.context.doc.chunks.length, 1, 'no blank line: one chunk');
  assert.deepEqual(proseOf(one.context.doc), proseOf(parseWhole(text)));
  // In the whole text the reference is a link: its brackets are not prose.
  const ref = text.indexOf('[MAU]');
  assert.ok(!proseOf(one.context.doc).some(([a, b]) => a! <= ref && ref < b!));
  assert.deepEqual(one.context.doc.chunks[0]!.summary.defines, ['mau']);
  assert.deepEqual(one.context.doc.definitions?.key, 'mau');
});

/**
 * Checks `edits` one after another with a cache told of each, against a fresh check of each text;
 * says after which edits (by index) the findings of `code` were moved rather than found again.
 */
function replay(start: string, code: string, edits: Array<(text: string) => [at: number, removed: number, inserted: string]>): number[] {
  const cache = new ParseCache({ tellsEdits: true });
  check(start, builtinRegistry(), {}, cache);
  let text = start;
  const moved: number[] = [];
  for (const [i, edit] of edits.entries()) {
    const [at, removed, inserted] = edit(text);
    cache.edited(at, removed, inserted.length);
    text = text.slice(0, at) + inserted + text.slice(at + removed);
    const incremental = check(text, builtinRegistry(), {}, cache);
    assert.equal(snapshot(incremental), snapshot(check(text, builtinRegistry(), {})), `edit ${i}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}`);
    if (cache.movedChecks.includes(code)) moved.push(i);
  }
  return moved;
}

test('structural findings are found again when an edit reaches what they read: a fix’s insertion point, numbered prose', () => {
  // Sections III–V are missing: their fixes insert at the end of "II.", the end of the text, and
  // read the line breaks and the Unicode form of the text before it.
  const report = '---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nĐoạn một.\n\n' + 'Đoạn xa. '.repeat(60) + '\n\n## II. NỘI DUNG\n\nVăn bản cuối.\n\n';
  const moved = replay(report, 'missing-section', [
    (t) => [t.length - 2, 1, ''], // one of the two last line breaks goes: the fix adds one
    (t) => [t.length - 1, 0, '\n'], // and comes back
    (t) => [t.length - 8, 0, 'e\u0302\u0301'], // an NFD letter near the end: the fix goes NFD
    (t) => [t.indexOf('Đoạn xa'), 0, 'x'], // far from it: moved, not found again
  ]);
  assert.deepEqual(moved, [3], 'only after the far edit are the findings moved');
  // A numbered prose line between "1." and "3." keeps the count: the numbering finding goes.
  replay('# BÁO CÁO\n\n## 1. Một\n\nx\n\n## 3. Ba\n\nKết thúc.\n', 'numbering', [
    (t) => [t.indexOf('x'), 0, '2. '],
    (t) => [t.indexOf('2. x'), 3, ''],
  ]);
});

test('a title typed into a heading moves the findings that do not quote it, and finds again those that do', () => {
  // "I." is missing: its finding sits on the title and quotes "II." (the section it goes before).
  const prose = 'Văn bản của mục. '.repeat(20);
  const report = `---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n## II. NỘI DUNG\n\n${prose}\n\n### Ghi chú thêm\n\n${prose}\n\n## III. TỔ CHỨC THỰC HIỆN\n\n${prose}\n`;
  const endOf = (t: string, line: string) => t.indexOf(line) + line.length;
  const moved = replay(report, 'missing-section', [
    (t) => [endOf(t, '## II. NỘI DUNG'), 0, ' chính'], // still pairs with "II." (elaborated): the quote changes
    (t) => [endOf(t, '### Ghi chú'), 0, ' nhỏ'], // a heading no finding quotes or covers
    (t) => [endOf(t, '### Ghi chú nhỏ thêm'), 0, 'x'],
  ]);
  assert.deepEqual(moved, [1, 2]);
  // A number typed over in a heading's title: the numbering is found again.
  replay(`# Ghi chép\n\n## 1. Một\n\n${prose}\n\n## 2. Hai\n\n${prose}\n\n## 3. Ba\n`, 'numbering', [(t) => [t.indexOf('2. Hai'), 1, '5']]);
});

test('findings are moved only from the check of the parse just before: a parse in between makes them found again', async () => {
  const { parseMarkdown } = await import('../../server/src/core/parse.ts');
  // The missing sections' fixes insert at the end of the text and read the line breaks before it.
  const report = '---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\n' + 'Đoạn xa. '.repeat(60) + '\n\n## II. NỘI DUNG\n\nVăn bản cuối.\n\n';
  const cache = new ParseCache({ tellsEdits: true });
  check(report, builtinRegistry(), {}, cache);
  // Another user of the cache parses a version whose next-to-last line break is a letter (same
  // length, nothing moves, but the fix's blank lines change) …
  const at = report.length - 2;
  const changed = report.slice(0, at) + 'x' + report.slice(at + 1);
  cache.edited(at, 1, 1);
  parseMarkdown(changed, cache);
  // … then a letter is typed far from the end: the last check's fixes are not this text's.
  const far = changed.indexOf('Đoạn xa');
  cache.edited(far, 0, 1);
  const text = changed.slice(0, far) + 'x' + changed.slice(far);
  const incremental = check(text, builtinRegistry(), {}, cache);
  assert.ok(!cache.movedChecks.includes('missing-section'));
  assert.equal(snapshot(incremental), snapshot(check(text, builtinRegistry(), {})));
});

test('typing in the prose of a long report held in pieces never joins its text whole', () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  // A long report: the body repeated (the outline's sections then repeat too: duplicates to report).
  const body = complete.slice(complete.indexOf('\n## ') + 1);
  let text = complete + '\n' + Array.from({ length: 30 }, () => body).join('\n');
  let pieced = PieceText.of(text, 4096);
  assert.ok(pieced.pieces.length > 30);
  const cache = new ParseCache({ tellsEdits: true });
  const options = { placeholders: ['X{3,}'] };
  check(pieced, builtinRegistry(), options, cache);
  const random = mulberry32(7);
  const joins = PieceText.joins;
  for (let i = 0; i < 60; i++) {
    // A letter typed into a paragraph: after a letter that a letter follows, away from headings.
    let at = Math.floor(random() * text.length);
    while (!(/\p{L}/u.test(text[at - 1] ?? '') && /\p{L}/u.test(text[at] ?? '')) || text.lastIndexOf('#', at) > text.lastIndexOf('\n', at)) at = (at + 97) % text.length;
    cache.edited(at, 0, 1);
    pieced = pieced.replace(at, at, 'ệ');
    text = text.slice(0, at) + 'ệ' + text.slice(at);
    const result = check(pieced, builtinRegistry(), options, cache);
    if (i % 20 === 0) assert.equal(snapshot(result), snapshot(check(text, builtinRegistry(), options)), `edit ${i}`);
  }
  assert.equal(PieceText.joins, joins, 'the text was joined whole on a keystroke');
});

test('after an edit, a check of one chunk at a time visits only the chunks the parse did not keep', () => {
  const section = (i: number) => `## ${i}. Mục ${i}\n\nNgày ..... tháng ..... năm 2024, đồng chí ${i} đã dự.\n\nKết quả đạt ${i} phần trăm.\n`;
  const text = `# BÁO CÁO\n\n${Array.from({ length: 200 }, (_, i) => section(i + 1)).join('\n')}`;
  const dots = (chunk: ParsedChunk, source: string) => [...source.slice(chunk.offset, chunk.end).matchAll(/\.{5}/g)].map((m) => ({ offset: m.index, length: 5, message: { vi: 'x', en: 'x' } }));
  const run = (doc: ParsedMarkdown, source: string) => {
    let visited = 0;
    const drafts = perChunk({ doc, text: source } as unknown as CheckContext, 'test:dots', (chunk) => dots(chunk, source), () => (visited++, false));
    return { drafts, visited };
  };
  const cache = new ParseCache({ tellsEdits: true });
  const first = run(parseMarkdown(text, cache), text);
  assert.equal(first.visited, parseMarkdown(text).chunks.length);
  // A letter typed in the middle, then a blank typed there: the findings after it move.
  let now = text;
  for (const [at, piece] of [[Math.floor(text.length / 2), 'x'], [Math.floor(text.length / 2) + 1, ' .....']] as const) {
    cache.edited(at, 0, piece.length);
    now = now.slice(0, at) + piece + now.slice(at);
    const again = run(parseMarkdown(now, cache), now);
    assert.ok(again.visited <= 3, `${again.visited} chunks visited`);
    assert.deepEqual(again.drafts, run(parseMarkdown(now), now).drafts);
  }
});
