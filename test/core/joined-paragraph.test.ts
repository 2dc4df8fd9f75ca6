import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, check, estimatePages, fixAll, FIX_ALL_CODES, ParseCache } from '../../server/src/core/index.ts';
import { builtinRegistry, findings, readFixture, STRUCTURAL, summary } from '../helpers.ts';

const joined = (text: string) => findings(text).filter((f) => f.code === 'joined-paragraph');
/** The text with every joined-paragraph fix applied (each inserts at its own line start). */
const fixed = (text: string) => applyEdits(text, joined(text).flatMap((f) => f.fixes?.[0]?.edits ?? []));
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
const body = complete.replace(/^---\n[\s\S]*?\n---\n/, '');
/** The report as pasted from Word: a paragraph per line, no blank line, no `#`. */
const pasted = body.replace(/^#+ /gm, '').replace(/\n\n+/g, '\n');

test('a report pasted from Word: every line that is a paragraph of its own is found, and fix-all restores the report', () => {
  const got = findings(pasted);
  const lines = pasted.split('\n');
  const flagged = new Set(got.filter((f) => f.code === 'joined-paragraph').map((f) => f.line));
  // Each line of prose runs into the line above. (A numbered line may instead be a list item, which
  // Markdown starts without a blank line: the title fix takes care of those.)
  const numbered = (l: string) => /^(?:[IVX]+|\d+|[a-zđ])[.)] /u.test(l);
  const missed = lines.map((l, i) => i).filter((i) => i > 0 && lines[i]!.trim() && !numbered(lines[i]!) && !flagged.has(i));
  assert.deepEqual(missed, [], `lines not flagged: ${missed.map((i) => lines[i]).join(' | ')}`);
  assert.ok(lines.filter((l, i) => numbered(l) && flagged.has(i)).length >= 10, 'titles after prose (not list items) too');
  // The titles are found in the same pass, although they are lines of one paragraph.
  const titles = body.split('\n').filter((l) => /^#{2,} /.test(l)).length;
  assert.equal(got.filter((f) => f.code === 'heading-not-marked').length, titles, summary(got).join('\n'));

  const cache = new ParseCache();
  const all = fixAll(pasted, (t) => check(t, builtinRegistry(), { insertOnly: true }, cache).findings);
  assert.equal(applyEdits(pasted, all.edits), all.text);
  assert.ok(all.edits.every((e) => e.length === 0), 'fix-all only inserts');
  assert.equal(words(all.text.replace(/^#+ /gm, '')), words(pasted), 'the prose is the same');
  assert.deepEqual(summary(findings(all.text)), [], 'nothing left to fix');
  // Typeset, it is the report it was pasted from.
  const before = estimatePages(body);
  const after = estimatePages(all.text);
  assert.equal(after.pages, before.pages);
  assert.ok(Math.abs(after.decimal - before.decimal) < 0.05, `${after.decimal} vs ${before.decimal} pages`);
  // It took a few rounds, not one per line.
  assert.ok(all.applied.filter((f) => f.code === 'joined-paragraph').length > 40);
});

test('each joined line is flagged on its first word, in the document’s own offsets (NFD, CRLF)', () => {
  const text = 'Kết quả đạt được.\r\nNăm 2023, Ban Thường trực tổ chức 12 hội nghị.\r\n'.normalize('NFD');
  const [f, ...rest] = joined(text);
  assert.deepEqual(rest, []);
  assert.equal(f!.line, 1);
  assert.equal(f!.character, 0);
  assert.equal(text.slice(f!.offset, f!.offset + f!.length), 'Năm'.normalize('NFD'));
  assert.equal(fixed(text), text.replace('\r\nN', '\r\n\r\nN'), 'the blank line has the file’s line break');
  assert.equal(f!.level, 'warning');
  assert.match(f!.message.vi.normalize('NFC'), /“Năm 2023, Ban Thường trực tổ chức 12 hội…” sẽ bị nối vào đoạn văn phía trên/u);
});

test('what a paragraph break reads like: after a sentence or a title, before a capital, a number or a bullet', () => {
  const cases: Array<[string, boolean]> = [
    ['Công tác tuyên truyền được đẩy mạnh.\nNhân dân đồng tình ủng hộ.', true],
    ['Nội dung gồm:\n– Tổ chức hội nghị;\n– Khen thưởng.', true],
    ['II. KẾT QUẢ THỰC HIỆN\nNăm qua, Ủy ban đã tổ chức 12 hội nghị.', true],
    ['a) Công tác tuyên truyền\nPhối hợp tổ chức 86 buổi.', true],
    ['TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH', true],
    ['Hội nghị được tổ chức tại hội trường:\n(Địa danh) xã.', true],
    // Prose wrapped by hand: the next line goes on with the sentence.
    ['Ban Thường trực đã phối hợp với\nỦy ban nhân dân xã tổ chức hội nghị.', false],
    ['Ban Thường trực đã phối hợp với các ngành,\nỦy ban nhân dân xã.', false],
    ['Kết quả đạt được.\nnhững việc còn lại sẽ làm sau.', false],
    // A title in capitals after a line of another kind: a date, a number.
    ['Yên Lạc, ngày 12 tháng 6 năm 2023\nBÁO CÁO SƠ KẾT', true],
    // A part or a Roman title in capitals is a title after anything, even a title wrapped without a full stop.
    ['nhiệm vụ trọng tâm công tác 6 tháng cuối năm 2023\nPhần thứ nhất', true],
    ['Căn cứ hướng dẫn của cấp trên\nII. KẾT QUẢ THỰC HIỆN', true],
    ['theo quy định tại\nPhần II của Nghị định này.', false],
    // The subject under the kind of document ends its line, full stop or not.
    ['KẾ HOẠCH\nTổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024\nThực hiện Kế hoạch số 12/KH-MTTQ của huyện.', true],
    // A long title in capitals wrapped onto a second line is one title.
    ['BÁO CÁO SƠ KẾT 03 NĂM THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU MẶT TRẬN\nTỔ QUỐC VIỆT NAM PHƯỜNG 12, NHIỆM KỲ 2019 - 2024', false],
  ];
  for (const [text, flagged] of cases) assert.equal(joined(text).length, flagged ? text.split('\n').length - 1 : 0, text);
});

test('a paragraph wrapped by hand: only a short line ending a sentence ends a paragraph', () => {
  const text = [
    'Ngay sau Đại hội, Ban Thường trực Ủy ban MTTQ xã ban hành Chương trình hành',
    'động thực hiện Nghị quyết và phân công ủy viên phụ trách từng chỉ tiêu cụ thể.',
    'Nghị quyết được quán triệt tại hội nghị Ủy ban mở rộng và tại 9 Ban công tác',
    'Mặt trận thôn, tổng cộng 12 cuộc.',
    'Nội dung tóm tắt được đọc trên loa truyền thanh xã 24 lần trong năm qua.',
  ].join('\n');
  // Line 2 ends a sentence at the wrap (full length): not a paragraph's end. Line 4 is short.
  assert.deepEqual(joined(text).map((f) => f.line), [4]);
});

test('line breaks that are not soft breaks of a paragraph’s own text are left alone', () => {
  for (const text of [
    '**THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI\nNHIỆM KỲ 2019 - 2024**', // emphasis across the break: a blank line would undo it
    '[Kế hoạch số 12.\nNăm 2023](/kh)', // a link's text
    'Kết quả đạt được.  \nNăm 2023 tổ chức 12 hội nghị.', // a hard break (two spaces)
    'Kết quả đạt được.\\\nNăm 2023 tổ chức 12 hội nghị.', // a hard break (backslash)
    'Xem `mã.\nMã` ở trên.', // a code span
    '```\nKết quả.\nNăm 2023.\n```', // fenced code
    'Kết quả đạt được.\n\nNăm 2023 tổ chức 12 hội nghị.', // two paragraphs already
    '# Kết quả đạt được.\nNăm 2023 tổ chức 12 hội nghị.', // an ATX heading ends where its line does
  ]) assert.deepEqual(joined(text), [], text);
});

test('in a block quote the blank line keeps the quote; in a list item it keeps the item', () => {
  assert.equal(fixed('> Kết quả đạt được.\n> Năm 2023 tổ chức 12 hội nghị.\n'), '> Kết quả đạt được.\n>\n> Năm 2023 tổ chức 12 hội nghị.\n');
  const item = '- Kết quả đạt được.\n  Năm 2023 tổ chức 12 hội nghị.\n';
  assert.equal(fixed(item), '- Kết quả đạt được.\n\n  Năm 2023 tổ chức 12 hội nghị.\n');
  assert.deepEqual(joined(fixed(item)), []);
  // In a list item the first line is read with its number: "1. Công tác …" is a title.
  assert.equal(joined('1. Công tác triển khai\nNghị quyết được quán triệt tại 12 hội nghị.\n').length, 1);
});

test('a line indented into code by the blank line: the fix takes the indent away too, and fix-all leaves it (not an insertion)', () => {
  const text = 'Kết quả đạt được.\n\tNơi nhận: như trên.\n';
  const [f] = joined(text);
  assert.match(f!.message.en, /remove its indent/);
  assert.match(f!.message.vi, /bỏ thụt đầu dòng/);
  const [fix] = f!.fixes!;
  assert.equal(fix!.preferred, undefined);
  assert.equal(applyEdits(text, fix!.edits), 'Kết quả đạt được.\n\nNơi nhận: như trên.\n');
  assert.deepEqual(fixAll(text, (t) => check(t, builtinRegistry(), { insertOnly: true }).findings).edits, []);
  // Under a list item the line keeps the item's column.
  const item = '- Kết quả đạt được.\n        Nơi nhận: như trên.\n';
  assert.equal(applyEdits(item, joined(item)[0]!.fixes![0]!.edits), '- Kết quả đạt được.\n\n  Nơi nhận: như trên.\n');
  // A tab that is the item's own indent is no code: the blank line alone.
  assert.equal(joined('- Kết quả đạt được.\n\tNơi nhận: như trên.\n')[0]!.fixes![0]!.preferred, true);
});

test('property: a fix only inserts a blank line (the file’s line break), and the fixed line runs on no more', () => {
  const line = fc.constantFrom(
    'Kết quả đạt được.', 'Năm 2023, Ban Thường trực tổ chức 12 hội nghị.', 'I. MỤC ĐÍCH, YÊU CẦU', '1. Công tác triển khai',
    'a) Hình thức tổ chức', '– Tổ chức hội nghị;', 'phối hợp với các ngành', 'Ủy ban nhân dân xã', 'TM. BAN THƯỜNG TRỰC',
    '**Kết quả**', 'với.....lượt người dự,', '(Địa danh), ngày __ tháng __ năm 2024', '    thụt bốn dấu cách.', '\tThụt một tab.',
    '> Trích dẫn.', '- Gạch đầu dòng.', '  Dòng thụt hai.', 'Dòng có hai dấu cách.  ', 'Kết thúc bằng dấu phẩy,',
  );
  fc.assert(fc.property(fc.array(line, { minLength: 2, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, nfd) => {
    let text = lines.join(eol) + eol;
    if (nfd) text = text.normalize('NFD');
    for (const f of joined(text)) {
      for (const fix of f.fixes ?? []) {
        assert.equal(fix.edits.length, 1);
        const [e] = fix.edits;
        // The preferred fix inserts; the other one replaces an indent (whitespace) with the break.
        if (fix.preferred) assert.equal(e!.length, 0, 'inserts only');
        else assert.match(text.slice(e!.offset, e!.offset + e!.length), /^[ \t]+$/, 'removes only an indent');
        assert.match(e!.text, eol === '\r\n' ? /^[ >]*\r\n *$/ : /^[ >]*\n *$/, 'a line break of the file, after quote marks');
        const after = applyEdits(text, fix.edits);
        assert.equal(after.replace(/\s|>/g, ''), text.replace(/\s|>/g, ''), 'nothing else changed');
        if (eol === '\r\n') assert.doesNotMatch(after, /[^\r]\n/, 'no bare LF in a CRLF file');
        const moved = f.offset + e!.text.length;
        assert.ok(!joined(after).some((g) => g.offset === moved), 'the line is a paragraph of its own now');
      }
    }
  }), { numRuns: 400, seed: 20261129 });
});

test('the check does not fire on any finished report of the repository', () => {
  for (const name of ['so-ket-giua-nhiem-ky-2019-2024.md', 'ke-hoach.md', 'bao-cao-6-thang-cong-tac-mat-tran.md', 'kiem-diem-tap-the-ban-thuong-truc.md', 'so-ket-5-nam-cuoc-van-dong.md']) {
    assert.deepEqual(joined(readFixture('complete', name)), [], name);
  }
  // A pasted report and its structure checks: found titles make no "missing section".
  assert.deepEqual(findings(pasted).filter((f) => STRUCTURAL.has(f.code)), []);
});

test('fix-all with whitespace fixes (the fix-report command) separates an indented joined line but leaves a block quote’s lazy line in its quote', () => {
  const run = (text: string) => fixAll(text, (t) => findings(t), undefined, [...FIX_ALL_CODES, 'indented-code'], { whitespace: true }).text;
  const plain = 'BÁO CÁO\n\nĐoạn văn kết thúc câu.\n        Dòng thụt sâu mở đầu đoạn mới.\n';
  assert.equal(run(plain), 'BÁO CÁO\n\nĐoạn văn kết thúc câu.\n\nDòng thụt sâu mở đầu đoạn mới.\n');
  const quote = 'BÁO CÁO\n\n> Trích Hướng dẫn số 25/HD-MTTQ-BTT:\n        Ngày hội được tổ chức ở tất cả khu dân cư.\n> Mỗi khu dân cư tổ chức một ngày.\n\nHết.\n';
  const fixed = run(quote);
  assert.ok(fixed.includes('> Trích Hướng dẫn số 25/HD-MTTQ-BTT:\n        Ngày hội'), fixed);
  // Only insertions, whatever fix-all did there: no character of the quote is lost.
  assert.equal(fixed.replace(/\s/g, '').replace(/>/g, '').length >= quote.replace(/\s/g, '').replace(/>/g, '').length, true);
});
