// An outline named only by the report's title is not applied when the report does not follow it:
// another body's report whose title shares the outline's phrase. Drafts of the outline — begun,
// half-written, with sections of their own under its sections — keep being checked against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, fixAll } from '../../server/src/core/index.ts';
import { builtinRegistry, listFixtures, readFixture, STRUCTURAL } from '../helpers.ts';

/** A Women's Union's half-year report: the built-in 6-month outline's phrase, its own sections. */
const WOMEN = [
  '# BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025',
  '',
  '**Hội Liên hiệp Phụ nữ xã Tân Hòa**',
  '',
  'Thực hiện chương trình công tác năm 2025, Ban Chấp hành Hội báo cáo kết quả như sau.',
  '',
  '## I. CÔNG TÁC TUYÊN TRUYỀN, GIÁO DỤC HỘI VIÊN',
  '',
  'Tổ chức 12 buổi sinh hoạt chuyên đề cho 640 lượt hội viên.',
  '',
  '## II. CÔNG TÁC HỖ TRỢ PHỤ NỮ PHÁT TRIỂN KINH TẾ',
  '',
  'Giới thiệu 35 hội viên vay vốn Ngân hàng Chính sách xã hội.',
  '',
  '## III. CÔNG TÁC XÂY DỰNG TỔ CHỨC HỘI',
  '',
  'Kết nạp 28 hội viên mới.',
  '',
  '## IV. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM',
  '',
  'Tiếp tục vận động hội viên tham gia các phong trào.',
  '',
].join('\n');

const codes = (text: string) => check(text, builtinRegistry()).findings.map((f) => f.code);

test('a report of its own whose title names a built-in outline is not checked against it, and is told why', () => {
  const result = check(WOMEN, builtinRegistry());
  assert.equal(result.template, undefined);
  assert.equal(result.selection.kind, 'none');
  const doubt = result.selection.kind === 'none' ? result.selection.doubted : undefined;
  assert.equal(doubt?.template.id, 'bao-cao-6-thang-cong-tac-mat-tran');
  assert.equal(doubt?.paired, 0);
  assert.equal(doubt?.own, 4);
  assert.deepEqual(result.findings.map((f) => f.code), ['no-template']);
  const [finding] = result.findings;
  assert.match(finding!.message.vi, /Tiêu đề giống đề cương .*bao-cao-6-thang-cong-tac-mat-tran.*0\/27 mục bắt buộc/);
  assert.match(finding!.message.en, /0 of the outline's 27 required sections and 4 sections of its own/);
  // Fix-all inserts nothing into it.
  assert.equal(fixAll(WOMEN, (t) => check(t, builtinRegistry()).findings).text, WOMEN);
});

test('its fix names the outline in the front matter, after which the report is checked against it', () => {
  for (const [text, eol] of [[WOMEN, '\n'], [WOMEN.replace(/\n/g, '\r\n'), '\r\n'], [`---\ncap: xa\n---\n${WOMEN}`, '\n']] as const) {
    const [finding] = check(text, builtinRegistry()).findings;
    const fix = finding!.fixes?.[0];
    assert.ok(fix, 'a fix is offered');
    assert.match(fix.title.en, /Check against “bao-cao-6-thang-cong-tac-mat-tran”/);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes(`decuong: bao-cao-6-thang-cong-tac-mat-tran${eol}`));
    assert.ok(fixed.includes(text.slice(text.indexOf('# BÁO CÁO'))), 'the report itself is kept as it was');
    if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(fixed), 'CRLF kept');
    const after = check(fixed, builtinRegistry());
    assert.equal(after.selection.kind, 'front-matter');
    assert.ok(after.findings.filter((f) => f.code === 'missing-section').length > 0);
  }
});

test('named in the front matter or by the setting, the outline applies however little the report follows it', () => {
  assert.ok(codes(`---\ndecuong: bao-cao-6-thang-cong-tac-mat-tran\n---\n${WOMEN}`).includes('missing-section'));
  const bySetting = check(WOMEN, builtinRegistry(), { template: 'bao-cao-6-thang-cong-tac-mat-tran' });
  assert.equal(bySetting.template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
  assert.ok(bySetting.findings.some((f) => f.code === 'missing-section'));
});

test('NFD text is doubted alike', () => {
  const result = check(WOMEN.normalize('NFD'), builtinRegistry());
  assert.equal(result.selection.kind === 'none' && result.selection.doubted?.template.id, 'bao-cao-6-thang-cong-tac-mat-tran');
});

test('a draft just begun — one section of the outline, subsections of its own under it — is checked against the outline', () => {
  const begun = [
    '# BÁO CÁO KẾT QUẢ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2025',
    '',
    '## Phần thứ nhất. KẾT QUẢ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2025',
    '',
    '### 1. Về công tác tuyên truyền',
    '',
    'A.',
    '',
    '### 2. Về công tác vận động',
    '',
    'B.',
    '',
    '### 3. Về công tác giám sát',
    '',
    'C.',
    '',
  ].join('\n');
  const result = check(begun, builtinRegistry());
  assert.equal(result.template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
  assert.ok(result.findings.some((f) => f.code === 'missing-section'));
});

test('a report too short to tell (two sections of its own) keeps the outline its title names', () => {
  // (Without the line naming the Women's Union: that alone tells, see below.)
  const short = WOMEN.slice(0, WOMEN.indexOf('## III.')).replace('**Hội Liên hiệp Phụ nữ xã Tân Hòa**\n\n', '');
  assert.equal(check(short, builtinRegistry()).template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
});

test('complete reports and drafts with half their sections, or sections of their own added, keep their outline', () => {
  for (const name of ['bao-cao-6-thang-cong-tac-mat-tran', 'ke-hoach', 'kiem-diem-tap-the-ban-thuong-truc', 'so-ket-5-nam-cuoc-van-dong', 'so-ket-giua-nhiem-ky-2019-2024']) {
    // Without its `decuong:` line: chosen by its title.
    const full = readFixture('complete', `${name}.md`).replace(/^---\n[\s\S]*?\n---\n/, '');
    const lines = full.split('\n');
    // Every other section heading with its body dropped (roughly half the outline gone).
    const headings = lines.map((l, i) => (/^#{2,6} /.test(l) ? i : -1)).filter((i) => i >= 0);
    const keep = new Set<number>();
    headings.forEach((start, k) => {
      const end = headings[k + 1] ?? lines.length;
      if (k % 2 === 0) for (let i = start; i < end; i++) keep.add(i);
    });
    const half = lines.filter((l, i) => i < (headings[0] ?? 0) || keep.has(i)).join('\n');
    // Sections of its own appended at the end, numbered on from its last top section.
    const extra = `${full}\n## X. MỘT SỐ KẾT QUẢ KHÁC\n\nA.\n\n## XI. KIẾN NGHỊ\n\nB.\n\n## XII. PHỤ LỤC SỐ LIỆU\n\nC.\n`;
    for (const [what, text] of [['complete', full], ['half', half], ['own sections added', extra]] as const) {
      const result = check(text, builtinRegistry());
      assert.equal(result.selection.kind, 'title', `${name}, ${what}`);
      assert.equal(result.template?.id, name, `${name}, ${what}`);
    }
  }
});

test('reports of other bodies are doubted (or, citing a plan, not read as one), drafts of the outline are not (test/fixtures/doubt: khac-* and theo-*)', () => {
  for (const name of listFixtures('doubt')) {
    const result = check(readFixture('doubt', name), builtinRegistry());
    const doubted = result.selection.kind === 'none' && result.selection.doubted;
    if (name.startsWith('khac-')) {
      // “BÁO CÁO kết quả thực hiện Kế hoạch số 45/KH-UBND”: the plan it cites chooses no outline at all.
      const cites = name.includes('ke-hoach-so');
      assert.ok(cites ? result.selection.kind === 'none' && !doubted : doubted, `${name}: ${cites ? 'no outline' : 'doubted'} (got ${result.template?.id ?? result.selection.kind})`);
      const codes = result.findings.map((f) => f.code);
      assert.ok(codes.includes('no-template') && !codes.some((c) => STRUCTURAL.has(c)), `${name}: ${codes.join(', ')}`);
    } else {
      assert.equal(result.selection.kind, 'title', name);
      assert.ok(result.findings.some((f) => f.code === 'missing-section'), `${name}: its missing sections are reported`);
    }
  }
});

test('a title under a letterhead pasted as two columns on one line is read', () => {
  const text = readFixture('doubt', 'theo-quoc-hieu-dai-tieu-de-chu-thuong-mttq-6-thang.md');
  assert.match(text.split('\n')[0]!, /\S {2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
  assert.equal(check(text, builtinRegistry()).template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
  // As a table's row, or apart by a tab, alike.
  assert.equal(check(text.replace(/ {4}/g, '\t'), builtinRegistry()).template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
  assert.equal(check(text.replace(/^(.+?) {4}(.+)$/gm, '| $1 | $2 |'), builtinRegistry()).template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
});

test('a report whose letterhead and title name another body than the outline’s is doubted though it shares the outline’s parts; naming the Front too, it is not', () => {
  const review = readFixture('doubt', 'khac-hoi-nong-dan-so-ket-giua-nhiem-ky.md');
  const result = check(review, builtinRegistry());
  const doubt = result.selection.kind === 'none' ? result.selection.doubted : undefined;
  assert.equal(doubt?.body?.report.vi, 'Hội Nông dân');
  assert.equal(doubt?.body?.outline.vi, 'Mặt trận Tổ quốc');
  assert.match(result.findings[0]!.message.vi, /báo cáo là của Hội Nông dân, không phải của Mặt trận Tổ quốc/);
  assert.match(result.findings[0]!.message.en, /the report is the Farmers' Union's, not the Fatherland Front's/);
  // A Front report about its work with the Farmers' Union names both: read against the outline.
  const joint = '# BÁO CÁO KẾT QUẢ PHỐI HỢP GIỮA ỦY BAN MTTQ VÀ HỘI NÔNG DÂN 6 THÁNG ĐẦU NĂM 2025\n\n## Phần thứ nhất. KẾT QUẢ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2025\n\nA.\n';
  assert.equal(check(joint, builtinRegistry()).template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
  // “Công tác đoàn kết” is the Front's work, not the Youth Union's (“Đoàn”).
  const unity = '# BÁO CÁO KẾT QUẢ CÔNG TÁC ĐOÀN KẾT, TẬP HỢP NHÂN DÂN 6 THÁNG ĐẦU NĂM 2025\n\n## I. KẾT QUẢ\n\nA.\n';
  assert.equal(check(unity, builtinRegistry()).template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
  // The Front named only in the letterhead above the title counts too.
  const letterhead = 'ỦY BAN MTTQ VIỆT NAM XÃ TÂN PHÚ\n\n# BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025 VỀ CÔNG TÁC VẬN ĐỘNG HỘI VIÊN HỘI NÔNG DÂN\n\n## Phần thứ nhất. KẾT QUẢ\n\nA.\n';
  assert.equal(check(letterhead, builtinRegistry()).template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
});
