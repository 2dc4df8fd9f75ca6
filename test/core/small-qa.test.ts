// Small things QA found: guidance with a table inserted as a comment, ids typed in another Unicode form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, createRegistry } from '../../server/src/core/index.ts';
import { guidanceComment } from '../../server/src/core/insert.ts';
import { parseMarkdown } from '../../server/src/core/parse.ts';
import { builtinRegistry, builtinSources, findings, readFixture } from '../helpers.ts';

test('guidance with a table stays a table inside its comment; only “-->” is broken', () => {
  const guidance = '| Chỉ tiêu | Kết quả |\n|---|---|\n| Hộ nghèo | -- |\nGhi chú --> xem phụ lục';
  const comment = guidanceComment(guidance, '\n');
  assert.match(comment, /\|---\|---\|/);
  assert.match(comment, /\| Hộ nghèo \| -- \|/);
  assert.equal((comment.match(/-->/g) ?? []).length, 1, 'the comment ends once, at its end');
  // As Markdown, all of it is one HTML block.
  const doc = parseMarkdown(`# A\n\n${comment}\n\nSau.\n`);
  assert.deepEqual(doc.chunks.flatMap((c) => c.summary.blocks.map((b) => b.type)), ['html', 'paragraph']);
});

test('an id with marks matches whichever Unicode form the template and the report were saved in', () => {
  const registry = createRegistry([...builtinSources(), { path: '/w/t.md', builtin: false, text: '---\nid: báo-cáo-quý\n---\n# I. KẾT QUẢ\n'.normalize('NFD') }]);
  const result = check('---\ndecuong: báo-cáo-quý\n---\n# BÁO CÁO\n\n## I. KẾT QUẢ\n\nA.\n', registry);
  assert.equal(result.template?.id, 'báo-cáo-quý');
  assert.deepEqual(result.findings.map((f) => f.code), []);
});

test('an outline of 2021’s report read against 2025’s: near titles and level messages speak of 2025, and the rename writes 2025', () => {
  const report = readFixture('complete', 'bao-cao-6-thang-cong-tac-mat-tran.md').replace(/2021/g, '2025')
    .replace('## Phần thứ hai. TRỌNG TÂM CÔNG TÁC MẶT TRẬN 6 THÁNG CUỐI NĂM 2025', '## Phần thứ hai. TRỌNG TÂM CÔNG TÁC 6 THÁNG CUỐI NĂM 2025')
    .replace('### 1. Nội dung chương trình 1', '#### 1. Nội dung chương trình 1');
  const all = findings(report);
  const near = all.find((f) => f.code === 'section-title');
  assert.ok(near, all.map((f) => f.code).join(', '));
  assert.match(near.message.en, /did you mean “Phần thứ hai\. TRỌNG TÂM CÔNG TÁC MẶT TRẬN 6 THÁNG CUỐI NĂM 2025”/);
  const renamed = applyEdits(report, near.fixes![0]!.edits);
  assert.ok(renamed.includes('## Phần thứ hai. TRỌNG TÂM CÔNG TÁC MẶT TRẬN 6 THÁNG CUỐI NĂM 2025\n'));
  const level = all.find((f) => f.code === 'section-level');
  assert.ok(level, all.map((f) => f.code).join(', '));
  assert.match(level.message.en, /under “Phần thứ nhất\. KẾT QUẢ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2025”/);
  assert.ok(all.every((f) => !f.message.en.includes('2021') && !f.message.vi.includes('2021')), 'no message speaks of the outline’s year');
});

test('the report’s year is read from its subject line under “# BÁO CÁO”, and after the word the outline’s year follows (“năm 2025”, not “nhiệm kỳ 2024 - 2029”)', async () => {
  const { fixAll } = await import('../../server/src/core/index.ts');
  const phan = (text: string) => fixAll(text, (t) => findings(t, { insertGuidance: false })).text.split('\n').filter((l) => /^## Phần/.test(l));
  const subject = '# BÁO CÁO\n\n**Kết quả công tác Mặt trận 6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm 2025**\n\nNội dung.\n';
  assert.deepEqual(phan(subject), ['## Phần thứ nhất. KẾT QUẢ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2025', '## Phần thứ hai. TRỌNG TÂM CÔNG TÁC MẶT TRẬN 6 THÁNG CUỐI NĂM 2025']);
  const twoYears = '# BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2024 - 2029 VÀ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2025\n\nNội dung.\n';
  assert.deepEqual(phan(twoYears), ['## Phần thứ nhất. KẾT QUẢ CÔNG TÁC MẶT TRẬN 6 THÁNG ĐẦU NĂM 2025', '## Phần thứ hai. TRỌNG TÂM CÔNG TÁC MẶT TRẬN 6 THÁNG CUỐI NĂM 2025']);
});

test('an inserted section’s guidance speaks of the report’s years too (“giai đoạn 2027 - 2029” in a 2024 - 2029 mid-term review), its dates untouched', async () => {
  const complete = readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md');
  const shifted = complete.replace(/2019 - 2024/g, '2024 - 2029').replace(/^## V\. CÁC KIẾN NGHỊ, ĐỀ XUẤT[\s\S]*$/m, '');
  const f = check(shifted, builtinRegistry()).findings.find((x) => x.code === 'missing-section' && x.message.en.includes('KIẾN NGHỊ'))!;
  const inserted = f.fixes![0]!.edits[0]!.text;
  assert.match(inserted, /giai đoạn 2027 - 2029/);
  assert.doesNotMatch(inserted, /2022 - 2024/);
});
