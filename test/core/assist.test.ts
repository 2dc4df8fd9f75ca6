import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/index.ts';
import { checklist } from '../../server/src/core/checklist.ts';
import { completionsAt, hoverAt } from '../../server/src/core/assist.ts';
import { skeleton } from '../../server/src/core/skeleton.ts';
import { checks } from '../../server/src/core/checks/index.ts';
import type { Check } from '../../server/src/core/check.ts';
import { builtinRegistry, findings } from '../helpers.ts';

const report = [
  '---', 'decuong: so-ket-giua-nhiem-ky-2019-2024', 'cap: xa', '---', '# BÁO CÁO SƠ KẾT', '',
  '## I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT', '', 'Đã triển khai.', '',
  '### 1. Công tác triển khai', '', 'Tổ chức 12 hội nghị.', '',
  '### 2. Thuận lợi', '',
  '### 3. Khó khăn', '', 'Kinh phí hạn chế, còn ..... hộ chưa được hỗ trợ.', '',
  '## III. ĐÁNH GIÁ, NHẬN XÉT', '', 'Nhận xét chung.', '',
].join('\n');

test('checklist: every outline section with its state, and the counts', () => {
  const r = check(report, builtinRegistry());
  const list = checklist(r.context, r.findings);
  assert.equal(list.template!.id, 'so-ket-giua-nhiem-ky-2019-2024');
  const first = list.items[0]!;
  assert.deepEqual(first.children.map((c) => [c.title, c.state]), [
    ['1. Công tác triển khai', 'present'], ['2. Thuận lợi', 'empty'], ['3. Khó khăn', 'placeholder'],
  ]);
  assert.equal(first.state, 'present');
  assert.equal(list.items[1]!.state, 'missing');
  assert.equal(list.items[1]!.children[0]!.state, 'missing');
  assert.equal(list.items[2]!.state, 'present');
  assert.deepEqual(list.counts, { required: 31, present: 5, missing: 26, empty: 1, placeholders: 1 });
});

test('hover on a heading shows its outline entry: required, guidance, page limit', () => {
  const r = check(report, builtinRegistry());
  const at = report.indexOf('### 1. Công tác') + 6;
  const h = hoverAt(r.context, at)!;
  assert.match(h.markdown.vi, /\*\*1\. Công tác triển khai\*\* — bắt buộc/);
  assert.match(h.markdown.vi, /Hình thức/);
  assert.match(h.markdown.vi, /Giới hạn \(trang A4\): cấp xã 12, cấp huyện 15/);
  assert.match(h.markdown.en, /Page limit \(A4 pages\): 12 for commune level \(xã\), 15 for district level \(huyện\)/);
  assert.match(h.markdown.en, /required/);
  assert.equal(hoverAt(r.context, report.indexOf('Đã triển khai')), undefined, 'no hover off headings');
});

test('completion after a heading marker offers the missing sections there, in order, numbered', () => {
  const typed = report.replace('## III. ĐÁNH GIÁ', '## \n\n## III. ĐÁNH GIÁ');
  const r = check(typed, builtinRegistry());
  const at = typed.indexOf('## \n') + 3;
  // Between I. and III. only II. belongs; after III. come IV. and V., numbered in sequence.
  assert.deepEqual(completionsAt(r.context, at, 2).map((c) => c.label), ['II. KẾT QUẢ 03 NĂM THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2019 - 2024']);
  const end = typed + '\n## ';
  const atEnd = check(end, builtinRegistry());
  assert.deepEqual(completionsAt(atEnd.context, end.length, 2).map((c) => c.label), ['IV. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN 2022 - 2024', 'V. CÁC KIẾN NGHỊ, ĐỀ XUẤT']);
  assert.deepEqual(completionsAt(r.context, at, 3), [], 'subsections of a missing parent are not offered alone');
});

test('a new report from each built-in outline passes its own template', () => {
  for (const t of builtinRegistry().templates.values()) {
    const text = skeleton(t, { cap: Object.keys(t.pages)[0] });
    const got = findings(text).filter((f) => ['missing-section', 'section-order', 'section-level', 'section-title', 'numbering', 'no-template', 'unknown-template'].includes(f.code));
    assert.deepEqual(got.map((f) => `${f.line} ${f.code}`), [], t.id);
    assert.ok(text.includes('<!--') || t.guidance.every((g) => !g), `${t.id} has guidance comments`);
  }
});

test('a check that throws is contained: the others still report, the failure is returned apart', () => {
  const text = '---\ndecuong: ke-hoach\n---\n# I. MỤC ĐÍCH, YÊU CẦU\n\nVới.....lượt.\n';
  assert.deepEqual(check(text, builtinRegistry()).errors, []);
  const list = checks as Check[];
  const broken: Check = { code: 'section-order', defaultLevel: 'warning', fixable: false, title: { vi: 'x', en: 'x' }, run: () => { throw new Error('boom'); } };
  list.unshift(broken);
  try {
    const r = check(text, builtinRegistry());
    assert.deepEqual(r.errors.map((e) => [e.code, e.message.split('\n')[0]]), [['section-order', 'Error: boom']]);
    assert.deepEqual([...new Set(r.findings.map((f) => f.code))].sort(), ['missing-section', 'placeholder']);
  } finally {
    list.splice(list.indexOf(broken), 1);
  }
});
