import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, estimatePages, fixAll, check } from '../../server/src/core/index.ts';
import { builtinRegistry, findings } from '../helpers.ts';

const indented = (text: string) => findings(text).filter((f) => f.code === 'indented-code');

test('a paragraph indented with a tab or four spaces is flagged on its first line; the fix removes only the indents', () => {
  const text = '# KẾ HOẠCH\r\n\r\n\tTổ chức hội nghị sơ kết vào quý III năm 2022.\r\n\r\n    Chủ trì: Ban Thường trực Ủy ban MTTQ xã.\r\n';
  const [f, ...rest] = indented(text);
  assert.deepEqual(rest, [], 'one code block: the blank line between does not end it');
  assert.equal(f!.line, 2);
  assert.equal(text.slice(f!.offset, f!.offset + f!.length), 'Tổ chức hội nghị sơ kết vào quý III năm 2022.');
  assert.match(f!.message.vi, /^Đoạn “Tổ chức hội nghị sơ kết vào quý III năm…” thụt đầu dòng/);
  assert.match(f!.message.en, /typeset as code/);
  const fixed = applyEdits(text, f!.fixes![0]!.edits);
  assert.equal(fixed, '# KẾ HOẠCH\r\n\r\nTổ chức hội nghị sơ kết vào quý III năm 2022.\r\n\r\nChủ trì: Ban Thường trực Ủy ban MTTQ xã.\r\n', 'CRLF and the blank line kept');
  assert.deepEqual(indented(fixed), []);
});

test('once the indent is gone the paragraph is typeset as prose and its title is seen', () => {
  const text = '---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n# I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\n\tII. NỘI DUNG\n\nNội dung thi đấu.\n\n# V. TỔ CHỨC THỰC HIỆN\n\nĐoàn Thanh niên chủ trì.\n';
  const got = findings(text);
  const missing = got.filter((f) => f.code === 'missing-section');
  assert.equal(missing.length, 1, 'in code, the title is not seen');
  assert.match(missing[0]!.message.en, /^Missing section “II\. NỘI DUNG”/);
  const fixed = applyEdits(text, indented(text)[0]!.fixes![0]!.edits);
  assert.deepEqual(findings(fixed).filter((f) => f.code === 'missing-section'), []);
  assert.deepEqual(findings(fixed).filter((f) => f.code === 'heading-not-marked').map((f) => f.line), [9]);
  // Code is laid out unwrapped in a monospaced font: a long indented paragraph is mis-estimated.
  const long = `# A\n\n\t${'Nội dung báo cáo dài. '.repeat(400)}\n`;
  assert.notEqual(estimatePages(long).decimal, estimatePages(applyEdits(long, indented(long)[0]!.fixes![0]!.edits)).decimal);
});

test('fenced code, indented lines that continue a paragraph or a list item, and inline code are not flagged', () => {
  for (const text of [
    '```\n    Mẫu biên bản: ngày __ tháng __\n```\n',
    '~~~\n\tMẫu\n~~~\n',
    'Kết quả đạt được\n    tiếp tục trong năm sau.\n', // a continuation line: still the paragraph
    '- Kết quả đạt được.\n\n    Năm 2023 tổ chức 12 hội nghị.\n', // a paragraph of the list item
    'Dùng `    mã` trong dòng.\n',
  ]) assert.deepEqual(indented(text), [], text);
});

test('fix-all does not remove indents (it only inserts)', () => {
  const text = '# KẾ HOẠCH\n\n\tTổ chức hội nghị.\n';
  const result = fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings);
  assert.ok(result.edits.every((e) => e.length === 0));
  assert.equal(indented(result.text).length, 1);
});

test('property: the fix removes only the indents of the block’s lines, keeps every line break, and leaves no code', () => {
  const line = fc.constantFrom('Tổ chức hội nghị.', 'II. NỘI DUNG', 'với.....lượt', 'Kết quả đạt được', '- Gạch đầu dòng', '(Địa danh)');
  const indent = fc.constantFrom('\t', '    ', '     ', ' \t', '\t\t', '        ');
  fc.assert(fc.property(fc.array(fc.tuple(indent, line, fc.boolean()), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
    // An indented block after a paragraph and a blank line; some lines followed by a blank line.
    const text = `Đoạn mở đầu.${eol}${eol}` + rows.map(([i, l, blank]) => `${i}${l}${eol}${blank ? eol : ''}`).join('');
    const found = indented(text);
    assert.equal(found.length, 1, text);
    const fixed = applyEdits(text, found[0]!.fixes![0]!.edits);
    assert.equal(fixed, `Đoạn mở đầu.${eol}${eol}` + rows.map(([, l, blank]) => `${l}${eol}${blank ? eol : ''}`).join(''));
    assert.deepEqual(indented(fixed), []);
  }), { numRuns: 300, seed: 20261129 });
});
