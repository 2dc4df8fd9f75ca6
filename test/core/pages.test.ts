import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  breakLines,
  DEFAULT_PAGE_SETTINGS,
  estimatePages,
  estimatePagesOf,
  estimatePagesWhole,
  LayoutCache,
  lastPagination,
  parseMargins,
  readPageSettings,
  resolvePageSettings,
  typeset,
} from '../../server/src/core/pages.ts';
import { CHARS, WIDTHS } from '../../server/src/core/fontMetrics.ts';
import { parseMarkdown, ParseCache } from '../../server/src/core/parse.ts';
import { check, createRegistry } from '../../server/src/core/index.ts';
import { pageLimit, pageLimitOf } from '../../server/src/core/checks/page-limit.ts';
import type { CheckContext } from '../../server/src/core/check.ts';
import { builtinRegistry, builtinSources, listFixtures, mulberry32, readFixture } from '../helpers.ts';

// Every expectation below that names LibreOffice was checked with shared/tools/pagecount
// (pagecount.sh --keep, then pdftotext -bbox-layout on the PDF): LibreOffice 7.4, Liberation Serif 2.1.5.

/** Width in twips of regular text at a size, glyph by glyph on LibreOffice's 1/6-twip grid. */
function width(text: string, size = 14): number {
  let w = 0;
  for (const c of text) w += Math.round(((WIDTHS.regular[CHARS.indexOf(c)]! * size * 20) / 2048) * 6) / 6;
  return w;
}
const firstLines = (text: string, settings = {}) => typeset(text, settings).lines.map((l) => l.text);
/** 14 pt, 30 + 15 mm margins: 9355 twips of text width, 567 of them taken by the 1 cm indent. */
const FIRST_LINE = 9355 - 567;
const fill = (k: number) => Array.from({ length: k }, (_, i) => `Dòng thứ ${i + 1}.`).join('\n\n');

const P = 'Ngay từ đầu năm Ủy ban MTTQ đã xây dựng và ban hành Chương trình kiểm tra công tác hội năm 2023, chương trình giám sát và phản biện xã hội của Ủy ban MTTQ năm 2023.';

test('a line of Vietnamese text that just fits, and one character more that does not (LibreOffice agrees)', () => {
  const line = 'Ngay từ đầu năm Ủy ban MTTQ đã xây dựng và ban hành Chương trình kiểm';
  // measured by hand from the width table: 8761.3 twips of the 8788 available; a comma is 70 twips
  assert.ok(width(line) <= FIRST_LINE && width(line + ',') > FIRST_LINE, `${width(line)}`);
  assert.deepEqual(firstLines(P), [line, 'tra công tác hội năm 2023, chương trình giám sát và phản biện xã hội của Ủy ban', 'MTTQ năm 2023.']);
  const more = P.replace('kiểm tra', 'kiểm, tra');
  assert.deepEqual(firstLines(more).slice(0, 2), [
    'Ngay từ đầu năm Ủy ban MTTQ đã xây dựng và ban hành Chương trình',
    'kiểm, tra công tác hội năm 2023, chương trình giám sát và phản biện xã hội của Ủy',
  ]);
});

test('the width threshold LibreOffice applies, to a fraction of a twip (glyphs on a 1/6-twip grid)', () => {
  const n7 = Array(7).fill('nnnnnnn').join(' ');
  const tail = ' mmmmmmmmmm nnnn nnnn nnnn nnnn nnnn';
  const fits = (text: string, settings: object, last: string) => firstLines(text, settings)[0]!.endsWith(last);
  // 14 pt first line: 8787.60 twips fit, 8788.01 do not
  assert.ok(fits(`${n7} iraaaaaaaaaơ${tail}`, {}, 'iraaaaaaaaaơ'));
  assert.ok(!fits(`${n7} iraaaaaaaamưư${tail}`, {}, 'iraaaaaaaamưư'));
  // bold lines without indent, where the raw table widths would get it wrong: at 13 pt 9351.0
  // twips fit and 9352.0 do not; at 14 pt 9358.0 fit (more than 9355!) and 9358.5 do not
  const bold = (w: string) => `**${n7} ${w}${tail}**`;
  assert.ok(fits(bold('irnmmmmơưưư'), { fontSize: 13, indent: 0 }, 'irnmmmmơưưư'));
  assert.ok(!fits(bold('rnnnnmmmưưư'), { fontSize: 13, indent: 0 }, 'rnnnnmmmưưư'));
  assert.ok(fits(bold('rnmmơưư'), { fontSize: 14, indent: 0 }, 'rnmmơưư'));
  assert.ok(!fits(bold('iirnmmưư'), { fontSize: 14, indent: 0 }, 'iirnmmưư'));
});

test('NFD input is laid out exactly as NFC', () => {
  const text = `# BÁO CÁO SƠ KẾT\n\n## 1. Kết quả đạt được\n\n${P}\n\n- ${P}\n`;
  const nfd = text.normalize('NFD');
  assert.notEqual(nfd, text);
  const a = typeset(text, { fontSize: 13 });
  const b = typeset(nfd, { fontSize: 13 });
  assert.deepEqual(b.lines.map((l) => [l.text, l.page, l.top]), a.lines.map((l) => [l.text, l.page, l.top]));
  assert.equal(b.estimate.decimal, a.estimate.decimal);
});

test('line breaks after "-" where LibreOffice breaks: in "2019-2024" too, never at "/"', () => {
  // LibreOffice breaks after a hyphen even before a digit ("2019-|2024", "Covid-|19") …
  const hy = 'Thực hiện Nghị quyết Đại hội đại biểu Mặt trận Tổ quốc nhiềuiiiiii 2019-2024 và giai đoạn tiếp theo.';
  assert.deepEqual(firstLines(hy), ['Thực hiện Nghị quyết Đại hội đại biểu Mặt trận Tổ quốc nhiềuiiiiii 2019-', '2024 và giai đoạn tiếp theo.']);
  // … never at a slash: the whole date goes to the next line …
  const date = 'Thực hiện Nghị quyết Đại hội đại biểu Mặt trận Tổ quốc nhiềuiiiiiiiiiii 15/12/2016 và giai đoạn tiếp theo.';
  assert.deepEqual(firstLines(date)[1], '15/12/2016 và giai đoạn tiếp theo.');
  // … and once a "/" and a letter after it are on the line, not after an earlier hyphen either
  const code = 'Thực hiện Nghị quyết Đại hội đại biểu Mặt trận Tổ quốc nhiềuiiii 101-QĐ/TW và giai đoạn tiếp theo.';
  assert.deepEqual(firstLines(code)[1], '101-QĐ/TW và giai đoạn tiếp theo.');
  // the same code breaks after its hyphen when the overflow comes before the slash
  assert.equal(firstLines(code.replace('nhiềuiiii', 'nhiềuiiiiiiiiiiiii'))[0]!.endsWith('101-'), true);
  // no break inside "....." or "...": a blank is one word
  assert.ok(firstLines(`${'Tiến hành '.repeat(7)}với.....lượt cán bộ`).some((l) => l.includes('với.....lượt')));
});

test('breakLines: greedy, hanging spaces, a word longer than a line cut where it overflows', () => {
  const chars = [...'aa bb cc'];
  const w = chars.map(() => 10);
  assert.deepEqual(breakLines(chars, w, 50, 50), [0, 6]); // "aa bb" is 50: fits exactly
  assert.deepEqual(breakLines(chars, w, 49, 49), [0, 3, 6]);
  const long = [...'abcdefghij'];
  assert.deepEqual(breakLines(long, long.map(() => 10), 35, 35), [0, 3, 6, 9]);
  assert.deepEqual(breakLines([...'a\nb'], [10, 0, 10], 100, 100), [0, 2]); // hard line break
});

test('orphan control: a paragraph that would leave one line at the bottom starts the next page', () => {
  const para = 'Ủy ban MTTQ chỉ đạo và thực hiện tốt công tác thi đua khen thưởng, trong đó đã chú trọng phát hiện biểu dương các tập thể, cá nhân điển hình tiên tiến trong thực hiện các chỉ thị, nghị quyết của Đảng, các phong trào thi đua yêu nước, các cuộc vận động do hội và các cấp, các ngành phát động. Công tác thi đua khen thưởng đảm bảo khách quan, công bằng, chính xác.';
  const { estimate, lines } = typeset(`${fill(32)}\n\n${para}\n`);
  // 32 one-line paragraphs leave room for one line: LibreOffice moves all five lines
  assert.equal(lines.filter((l) => l.page === 1).length, 32);
  assert.equal(lines.filter((l) => l.page === 2).length, 5);
  assert.deepEqual(estimate.breaks, [64]);
});

test('widow control: a four-line paragraph with room for three keeps two and moves two', () => {
  const two = 'Đoạn hai dòng: Ủy ban MTTQ duy trì nghiêm túc chế độ họp theo quy chế làm việc, chú trọng nâng cao chất lượng các kỳ họp.';
  const para = 'Ủy ban MTTQ chỉ đạo và thực hiện tốt công tác thi đua khen thưởng, trong đó đã chú trọng phát hiện biểu dương các tập thể, cá nhân điển hình tiên tiến trong thực hiện các chỉ thị, nghị quyết của Đảng, các phong trào thi đua yêu nước, các cuộc vận động do hội và các cấp, các ngành phát động.';
  const { lines } = typeset(`${fill(29)}\n\n${two}\n\n${para}\n`);
  const last = lines.filter((l) => l.line === 60);
  assert.equal(last.length, 4);
  assert.deepEqual(last.map((l) => l.page), [1, 1, 2, 2]);
  assert.deepEqual(last.map((l) => l.text.slice(0, 12)), ['Ủy ban MTTQ ', 'đó đã chú tr', 'thực hiện cá', 'cuộc vận độn']);
});

test('a paragraph of three lines is never split', () => {
  const para = 'Ủy ban MTTQ chỉ đạo và thực hiện tốt công tác thi đua khen thưởng, trong đó đã chú trọng phát hiện biểu dương các tập thể, cá nhân điển hình tiên tiến trong thực hiện các chỉ thị, nghị quyết của Đảng, các phong trào thi đua yêu nước.';
  const { lines } = typeset(`${fill(31)}\n\n${para}\n`);
  assert.deepEqual(lines.filter((l) => l.line === 62).map((l) => l.page), [2, 2, 2]);
});

test('a heading is kept with what follows it: one heading, and a run of two', () => {
  const one = typeset(`${fill(32)}\n\n## 2. Tiêu đề mục\n\nĐoạn một dòng sau tiêu đề.\n`);
  // the heading would fit at the bottom of page 1, its paragraph would not: both go to page 2
  assert.deepEqual(one.lines.slice(-2).map((l) => [l.page, l.text]), [[2, '2. Tiêu đề mục'], [2, 'Đoạn một dòng sau tiêu đề.']]);
  assert.deepEqual(one.estimate.breaks, [64]);
  const para = 'Ủy ban MTTQ chỉ đạo và thực hiện tốt công tác thi đua khen thưởng, trong đó đã chú trọng phát hiện biểu dương các tập thể, cá nhân điển hình tiên tiến trong thực hiện các chỉ thị, nghị quyết của Đảng, các phong trào thi đua yêu nước, các cuộc vận động do hội và các cấp, các ngành phát động. Công tác thi đua khen thưởng đảm bảo khách quan, công bằng, chính xác.';
  const two = typeset(`${fill(31)}\n\n## 2. Tiêu đề mục\n\n### a) Tiêu đề con\n\n${para}\n`);
  assert.deepEqual(two.estimate.breaks, [62]);
  assert.deepEqual(two.lines.filter((l) => l.page === 2).slice(0, 2).map((l) => l.text), ['2. Tiêu đề mục', 'a) Tiêu đề con']);
});

test('breaks are 0-based source lines of the first line set on each page, CRLF counted once', () => {
  const text = `---\ndecuong: ke-hoach\n---\n${fill(40)}\n`;
  const lf = estimatePages(text);
  assert.equal(lf.pages, 2);
  assert.deepEqual(lf.breaks, [3 + 2 * 33]); // 33 one-line paragraphs fill page 1
  const crlf = estimatePages(text.replace(/\n/g, '\r\n'));
  assert.deepEqual(crlf.breaks, lf.breaks);
  assert.equal(crlf.breakOffsets[0], text.replace(/\n/g, '\r\n').indexOf('Dòng thứ 34.'));
  assert.equal(lf.breakOffsets[0], text.indexOf('Dòng thứ 34.'));
});

test('an empty report is one empty page; a short one a fraction of it', () => {
  assert.deepEqual({ ...estimatePages(''), settings: undefined }, { pages: 1, decimal: 0, breaks: [], breakOffsets: [], lines: 0, settings: undefined });
  const one = estimatePages('Một dòng.');
  assert.equal(one.pages, 1);
  // one line: its pitch over the 257 mm text area, as pagecount measures the fill
  assert.equal(one.decimal, Math.round(((14 * 2355) / 2048 / ((16838 - 2 * 1134) / 20)) * 100) / 100);
});

test('settings: defaults, then the front matter, then explicit settings', () => {
  assert.deepEqual(resolvePageSettings(), { ...DEFAULT_PAGE_SETTINGS, margins: { top: 20, bottom: 20, left: 30, right: 15 } });
  const fm = parseMarkdown('---\nco-chu: 13\ngian-dong: "1,5"\nle: 25,25,35,20\ncach-doan: 6pt\nthut-dau-dong: 1.27\n---\n').frontMatter;
  assert.deepEqual(readPageSettings(fm?.entries), {
    fontSize: 13,
    lineSpacing: 1.5,
    margins: { top: 25, bottom: 25, left: 35, right: 20 },
    paraAfter: 6,
    indent: 1.27,
  });
  assert.deepEqual(readPageSettings(parseMarkdown('---\nfont-size: 99\nline-spacing: x\nmargins: [1, 2]\n---\n').frontMatter?.entries), {});
  assert.deepEqual(parseMargins({ tren: 20, duoi: 20, trai: 30, phai: 15 }), { top: 20, bottom: 20, left: 30, right: 15 });
  const text = `---\nco-chu: 13\n---\n${fill(60)}\n`;
  assert.equal(estimatePages(text).settings.fontSize, 13);
  assert.equal(estimatePages(text, { fontSize: 14 }).settings.fontSize, 14);
  assert.ok(estimatePages(text).decimal < estimatePages(text, { fontSize: 14 }).decimal);
  assert.ok(estimatePages(text, { lineSpacing: 1.5 }).decimal > estimatePages(text).decimal);
  assert.deepEqual(estimatePagesOf(parseMarkdown(text)), estimatePages(text));
});

test('a keystroke lays out one chunk again, and gives what a full layout gives', () => {
  const sections = Array.from({ length: 60 }, (_, i) => `## ${i + 1}. Mục ${i + 1}\n\n${P} (${i + 1})\n\n- ${P}\n`);
  const text = `# BÁO CÁO\n\n${sections.join('\n')}`;
  const cache = new LayoutCache();
  const first = estimatePages(text, {}, cache);
  assert.equal(cache.misses, 123, 'a chunk per heading and per paragraph; the lists, all alike, laid out once (twice: the last one ends the text)');
  assert.deepEqual(first, estimatePages(text));
  const edited = text.replace('## 30. Mục 30\n\n', `## 30. Mục 30\n\n${P} ${P}\n\n`);
  const again = estimatePages(edited, {}, cache);
  assert.equal(cache.misses, 1);
  assert.deepEqual(again, estimatePages(edited));
  assert.ok(again.decimal > first.decimal);
  estimatePages(edited, { fontSize: 13 }, cache); // other settings: everything again
  assert.equal(cache.misses, 124);
});

test('laying out chunk by chunk gives what laying out the whole text gives, on every fixture and example', () => {
  const dirs = [['complete'], ['seeds'], ['robust'], ['..', '..', 'examples']];
  const docs = dirs.flatMap((d) => listFixtures(...d).map((f) => [...d, f]));
  assert.ok(docs.length >= 15);
  for (const file of docs) {
    const text = readFixture(...file);
    for (const t of [text, text.replace(/\n/g, '\r\n')]) assert.deepEqual(estimatePages(t), estimatePagesWhole(t), file.join('/'));
  }
});

test('lists, tables, code and quotes are laid out as pagecount sets them (LibreOffice agrees)', () => {
  const text = [
    '- Mục một của danh sách với nội dung khá dài để xuống dòng và kiểm tra thụt lề của dòng thứ hai trong danh sách gạch đầu dòng.',
    '  - Mục con cấp hai với nội dung khá dài để xuống dòng và kiểm tra thụt lề của dòng thứ hai trong danh sách lồng.',
    '',
    '10. Mục thứ mười với nội dung khá dài để xuống dòng và kiểm tra thụt lề của dòng thứ hai trong danh sách số.',
    '',
    '> Trích dẫn một đoạn văn bản khá dài để kiểm tra lề trái và lề phải của khối trích dẫn trong văn bản hành chính khi xuống dòng.',
    '',
    '```',
    'mã nguồn dòng một',
    'mã nguồn dòng hai rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài',
    '```',
    '',
    '| STT | Nội dung | Kết quả |',
    '|-----|----------|---------|',
    '| 2 | Tuyên truyền vận động nhân dân tham gia xây dựng nông thôn mới và đô thị văn minh | Vượt chỉ tiêu đề ra trong năm |',
    '',
    '<!-- ghi chú không in ra -->',
  ].join('\n');
  const { lines } = typeset(text);
  const tops = lines.map((l) => Math.round(l.top * 10) / 10);
  assert.deepEqual(lines.map((l) => l.text), [
    'Mục một của danh sách với nội dung khá dài để xuống dòng và kiểm tra thụt',
    'lề của dòng thứ hai trong danh sách gạch đầu dòng.',
    'Mục con cấp hai với nội dung khá dài để xuống dòng và kiểm tra thụt',
    'lề của dòng thứ hai trong danh sách lồng.',
    'Mục thứ mười với nội dung khá dài để xuống dòng và kiểm tra thụt lề của',
    'dòng thứ hai trong danh sách số.',
    'Trích dẫn một đoạn văn bản khá dài để kiểm tra lề trái và lề phải của khối',
    'trích dẫn trong văn bản hành chính khi xuống dòng.',
    'mã nguồn dòng một',
    'mã nguồn dòng hai rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài',
    'rất dài',
    '| STT | Nội dung | Kết quả |',
    '| 2 | Tuyên truyền vận động nhân dân tham gia xây dựng nông thôn mới và đô thị văn minh | Vượt chỉ tiêu đề ra trong năm |',
  ]);
  // LibreOffice's line tops (pt below the top margin, + 0.2 for poppler's box): 6 pt after
  // paragraphs, max(6, 5) before the quote, 12.8 pt lines of code (DejaVu Sans 11 pt), a 16.9 pt
  // header row; the body row has four lines of text in its 145 pt wide middle cell
  assert.deepEqual(tops, [0, 16.1, 38.2, 54.3, 76.4, 92.5, 114.6, 130.7, 151.8, 164.6, 177.4, 196.2, 213.1]);
  assert.equal(estimatePages(text).decimal, 0.38); // pagecount.sh: pages=1 fill=0.381
});

test('pathological input yields an estimate, never an exception', () => {
  for (const text of ['\uFEFF# A\n\nB', '>'.repeat(3000) + ' x', '😀'.repeat(300), 'x'.repeat(20000), '---\nco-chu: 13\n# x', '| a |\n|---|\n| b |']) {
    const e = estimatePages(text);
    assert.ok(e.pages >= 1 && Number.isFinite(e.decimal), JSON.stringify(text.slice(0, 20)));
  }
});

// ─────────────────────────────────────────────────────────────────── the page-limit check

function runPageLimit(text: string) {
  const result = check(text, builtinRegistry());
  const ctx = { ...result.context, pages: estimatePages(text) } as CheckContext;
  return { drafts: pageLimit.run(ctx), ctx };
}

test('page-limit: the template limit for the report level, at the first line of the first page past it', () => {
  const example = readFixture('../../examples/bao-cao-so-ket-giua-nhiem-ky-xa-phu-son.md');
  const body = example.slice(example.indexOf('## I.'));
  const long = example + ('\n' + body).repeat(5); // cap: xa; the template allows 12 pages at that level
  const { drafts, ctx } = runPageLimit(long);
  assert.deepEqual(pageLimitOf(ctx), { limit: 12, cap: 'xa', source: 'template' });
  const est = estimatePages(long);
  assert.ok(est.pages > 12, `${est.pages}`);
  assert.equal(drafts.length, 1);
  const d = drafts[0]!;
  assert.equal(d.offset, est.breakOffsets[11]);
  assert.equal(long.slice(d.offset, d.offset + d.length), long.slice(d.offset).split('\n')[0]);
  const shown = (Math.ceil(est.decimal * 10) / 10).toFixed(1);
  assert.ok(d.message.vi.startsWith(`Báo cáo ước tính dài ${shown.replace('.', ',')} trang, vượt quá mức tối đa 12 trang (cấp xã): cần rút gọn.`), d.message.vi);
  assert.ok(d.message.en.startsWith(`The report is estimated at ${shown} pages, over the limit of 12 pages for commune level (xã): shorten it.`), d.message.en);
  assert.match(d.message.vi, /Times New Roman 14 pt, giãn dòng đơn, lề 20\/20\/30\/15 mm/);
  assert.match(d.message.en, /Times New Roman 14 pt, single line spacing, margins 20\/20\/30\/15 mm/);
  assert.equal(pageLimit.code, 'page-limit');
  assert.equal(pageLimit.defaultLevel, 'warning');
  assert.equal(pageLimit.fixable, false);
});

test('page-limit: the front matter gioi-han-trang wins; nothing when within the limit or without one', () => {
  const example = readFixture('../../examples/bao-cao-so-ket-giua-nhiem-ky-xa-phu-son.md');
  const pages = estimatePages(example).pages; // 3
  assert.equal(runPageLimit(example).drafts.length, 0);
  const own = example.replace('cap: xa\n', 'cap: xa\ngioi-han-trang: 1\nco-chu: 13\n');
  const { drafts, ctx } = runPageLimit(own);
  assert.deepEqual(pageLimitOf(ctx), { limit: 1, source: 'front-matter' });
  assert.equal(drafts.length, 1);
  assert.equal(drafts[0]!.offset, estimatePages(own).breakOffsets[0]);
  assert.match(drafts[0]!.message.vi, /vượt quá mức tối đa 1 trang \(theo phần khai báo đầu tệp của báo cáo\): cần rút gọn\. Trang 2 bắt đầu từ đây\. .*chữ Times New Roman 13 pt/);
  assert.match(drafts[0]!.message.en, /over the limit of 1 page \(set in the report’s front matter\): shorten it\. Page 2 begins here\. .*Times New Roman 13 pt/);
  assert.equal(runPageLimit(example.replace('cap: xa\n', `gioi-han-trang: ${pages}\n`)).drafts.length, 0);
  assert.equal(runPageLimit('# Báo cáo\n\n' + fill(200)).drafts.length, 0); // no template, no limit
  const bare = check(example, builtinRegistry()).context;
  assert.deepEqual(pageLimit.run(bare), []); // no estimate in the context: nothing
});

test('page-limit: cap: written as people write it (xã, Xa, cấp xã, NFD) gets the limit of its level; so does a template’s pages: { xã: … }', () => {
  const example = readFixture('../../examples/bao-cao-so-ket-giua-nhiem-ky-xa-phu-son.md');
  const body = example.slice(example.indexOf('## I.'));
  const long = example + ('\n' + body).repeat(5);
  assert.ok(long.includes('cap: xa\n'));
  for (const cap of ['xã', 'Xa', 'Xã', 'cấp xã', 'Cấp Xã'.normalize('NFD')]) {
    const { drafts, ctx } = runPageLimit(long.replace('cap: xa\n', `cap: ${cap}\n`));
    assert.deepEqual(pageLimitOf(ctx), { limit: 12, cap: 'xa', source: 'template' }, cap);
    assert.equal(drafts.length, 1, cap);
    assert.match(drafts[0]!.message.vi, /vượt quá mức tối đa 12 trang \(cấp xã\)/);
  }
  const registry = createRegistry([...builtinSources(), { path: '/w/t.md', text: '---\nid: t\npages: { xã: 2, "thị trấn": 3 }\n---\n# I. A\n', builtin: false }]);
  const report = (cap: string) => `---\ndecuong: t\ncap: ${cap}\n---\n# I. A\n\n${fill(200)}\n`;
  for (const [cap, limit] of [['xa', 2], ['thi tran', 3], ['Thị Trấn', 3]] as const) {
    assert.equal(pageLimitOf(check(report(cap), registry).context)?.limit, limit, cap);
  }
  // A name that is Object's own (not a level) finds no limit and does not throw.
  assert.equal(pageLimitOf(check(report('constructor'), registry).context), undefined);
});

test('after an edit, pagination resumes near it and stops where the pages fall as before: the estimate a fresh one gives', () => {
  const random = mulberry32(61);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const para = (n: number) => Array.from({ length: n }, () => P).join(' ');
  // Headings stacked and at page ends (kept with what follows), lists, tables with a header row
  // repeated on a new page, quotes, code: every kind of unit, over about 30 pages.
  const pieces = [
    () => `## ${Math.floor(random() * 9) + 1}. Mục\n\n### a) Tiểu mục\n\n${para(1 + Math.floor(random() * 4))}\n`,
    () => `${para(1 + Math.floor(random() * 6))}\n`,
    () => `- ${P}\n- ${para(2)}\n`,
    () => `| Chỉ tiêu | Kết quả |\n| --- | --- |\n${Array.from({ length: 3 + Math.floor(random() * 30) }, (_, i) => `| Dòng ${i} | ${P.slice(0, 40)} |`).join('\n')}\n`,
    () => `> ${para(1)}\n`,
    () => '```\nmã 1\nmã 2\n```\n',
    () => `**${P.slice(0, 50)}**\n`,
  ];
  let text = `# BÁO CÁO\n\n${Array.from({ length: 120 }, () => pick(pieces)()).join('\n')}`;
  const cache = new ParseCache();
  const resumedSizes: number[] = [];
  let fresh = 0;
  for (let step = 0; step < 250; step++) {
    const at = Math.floor(random() * text.length);
    const kind = random();
    const cut = Math.min(text.length - at, Math.floor(random() * 200));
    const inserted = kind < 0.5 ? pick(['x', ' ', 'ệ', 'ư ']) : kind < 0.62 ? '\n\n' : kind < 0.7 ? '\n\n## 9. Mục mới\n\n' : kind < 0.78 ? para(2) : kind < 0.84 ? '\n| a | b |\n' : '';
    text = text.slice(0, at) + inserted + text.slice(kind >= 0.84 ? at + cut : at);
    const doc = parseMarkdown(text, cache);
    const estimate = estimatePagesOf(doc, {}, cache);
    if (lastPagination.resumed) resumedSizes.push(lastPagination.chunks);
    else assert.equal(lastPagination.chunks, doc.chunks.length, 'from scratch: every chunk'), fresh++;
    assert.deepEqual(estimate, estimatePagesOf(parseMarkdown(text)), `step ${step}`);
  }
  // It did resume, and mostly set a few chunks where a fresh pagination sets them all.
  assert.ok(resumedSizes.length > 200, `${resumedSizes.length} of 250 resumed`);
  resumedSizes.sort((a, b) => a - b);
  assert.ok(resumedSizes[resumedSizes.length >> 1]! < 10, `median ${resumedSizes[resumedSizes.length >> 1]} chunks set when resumed, of ${parseMarkdown(text).chunks.length}`);
});

test('an edit below a heading at the foot of a page moves the heading when what it keeps with changes', () => {
  // A three-line paragraph must go whole with its heading; of four lines, two may: typing the
  // fourth line lets the heading stay. Swept over where the heading falls on the page. The edit is
  // on the paragraph's second source line: its first is as it was, so it alone is parsed again.
  const three = P.replace(' công tác', '\ncông tác');
  let moved = 0;
  for (let k = 30; k < 50; k++) {
    const before = `${fill(k)}\n\n## 2. Mục hai\n\n${three}\n\n${fill(40)}\n`;
    const after = before.replace(three, `${three} ${P.slice(0, 60)}`);
    const cache = new ParseCache();
    const first = estimatePagesOf(parseMarkdown(before, cache), {}, cache);
    const again = estimatePagesOf(parseMarkdown(after, cache), {}, cache);
    assert.ok(lastPagination.resumed, `k ${k}`);
    assert.deepEqual(again, estimatePagesOf(parseMarkdown(after)), `k ${k}`);
    if (first.breaks[0] !== again.breaks[0]) moved++;
  }
  assert.ok(moved > 0, 'the first page break moved for some position of the heading');
});
