// Run-in titles: “1. Mục đích: Tạo đợt …” — the outline's title as the label of its paragraph, a
// common way to write short sections. The section is there; the line is no heading to mark, and
// fix-all neither marks it nor inserts the section again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, createRegistry, fixAll } from '../../server/src/core/index.ts';
import { builtinSources } from '../helpers.ts';

const registry = createRegistry([...builtinSources(), {
  path: '/w/.decuong/templates/ttn.md', builtin: false,
  text: '---\nid: ttn\n---\n# I. MỤC ĐÍCH, YÊU CẦU\n## 1. Mục đích\n## 2. Yêu cầu\n# II. NỘI DUNG\n## 1. Kết quả\n# III. TỔ CHỨC THỰC HIỆN\n',
}]);
const head = '---\ndecuong: ttn\n---\n# KẾ HOẠCH THÁNG THANH NIÊN\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\n';
const tail = '\n## II. NỘI DUNG\n\n### 1. Kết quả\n\nĐạt.\n\n## III. TỔ CHỨC THỰC HIỆN\n\nGiao Đoàn phường.\n';
const codes = (text: string) => check(text, registry).findings.map((f) => `${f.code} ${f.message.en}`);

test('run-in titles are the sections, in paragraphs, bold labels, wrapped lines and NFD', () => {
  const bodies = [
    '1. Mục đích: Tạo đợt sinh hoạt chính trị sâu rộng. Phát huy vai trò xung kích của tuổi trẻ.\n\n2. Yêu cầu: Thiết thực, hiệu quả, tránh hình thức.\n',
    '**1. Mục đích:** Tạo đợt sinh hoạt chính trị.\n\n**2. Yêu cầu:** Thiết thực, hiệu quả.\n',
    '1. Mục đích: Tạo đợt sinh hoạt chính trị sâu rộng trong đoàn viên,\nthanh niên trên địa bàn phường.\n\n2. Yêu cầu: Thiết thực.\n',
    // The label ended by a full stop or a dash.
    '1. Mục đích. Tạo đợt sinh hoạt chính trị.\n\n**2. Yêu cầu.** Thiết thực, hiệu quả.\n',
    '**1. Mục đích** – Tạo đợt sinh hoạt chính trị.\n\n2. Yêu cầu - Thiết thực, hiệu quả.\n',
  ];
  for (const body of [...bodies, bodies[0]!.normalize('NFD')]) {
    const text = head + body + tail;
    assert.deepEqual(codes(text), [], body);
    const fixed = fixAll(text, (t) => check(t, registry, { insertOnly: true }).findings);
    assert.equal(fixed.text, text, 'fix-all leaves them as they are');
  }
});

test('a label longer than the title is no run-in title: that section is still missing', () => {
  const text = head + '1. Mục đích chung của đợt: Tạo đợt sinh hoạt.\n\n2. Yêu cầu: Thiết thực.\n' + tail;
  const found = codes(text);
  assert.ok(found.some((f) => f.startsWith('missing-section') && f.includes('Mục đích')), found.join('\n'));
  assert.ok(!found.some((f) => f.includes('Yêu cầu')), found.join('\n'));
});

test('a run-in title after a sibling section typed as a heading is its section too; fix-all inserts no twin', () => {
  // `### 1. Mục đích` as a heading, then `**2. Yêu cầu:** …`: the heading above is its sibling, within its parent.
  const text = head + '### 1. Mục đích\n\nTạo đợt sinh hoạt chính trị.\n\n**2. Yêu cầu:** Thiết thực, hiệu quả.\n' + tail;
  assert.deepEqual(codes(text), []);
  assert.equal(fixAll(text, (t) => check(t, registry, { insertOnly: true }).findings).text, text);
  // Under another part's heading, the label is that part's item: II.1 above it is no section of I.
  const elsewhere = head + '### 1. Mục đích\n\nTạo đợt.\n' + '\n## II. NỘI DUNG\n\n### 1. Kết quả\n\n**2. Yêu cầu:** các chi đoàn báo cáo.\n\n## III. TỔ CHỨC THỰC HIỆN\n\nGiao Đoàn phường.\n';
  assert.ok(codes(elsewhere).some((f) => f.startsWith('missing-section') && f.includes('Yêu cầu')), codes(elsewhere).join('\n'));
});
