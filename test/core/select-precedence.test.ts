// Which outline a report's title selects when several match: the workspace's own before the
// built-in ones, an outline before the one it extends, then the phrase found first, then the
// longest; and a long title heading is read with its subject line when it alone matches nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, createRegistry } from '../../server/src/core/index.ts';
import { builtinSources } from '../helpers.ts';

const ws = (name: string, text: string) => ({ path: `/w/.decuong/templates/${name}.md`, text, builtin: false });

test('a workspace outline whose phrase comes later in the title is chosen over a built-in one', () => {
  const registry = createRegistry([...builtinSources(), ws('thang-thanh-nien', '---\nid: thang-thanh-nien\nmatch: [tháng thanh niên]\n---\n# I. MỤC ĐÍCH\n# II. NỘI DUNG\n')]);
  const report = '# KẾ HOẠCH TỔ CHỨC THÁNG THANH NIÊN NĂM 2026\n\n# I. MỤC ĐÍCH\n\nA.\n';
  assert.equal(check(report, registry).template?.id, 'thang-thanh-nien');
  // Without it, the built-in plan outline.
  assert.equal(check(report, createRegistry(builtinSources())).template?.id, 'ke-hoach');
});

test('an outline is chosen over the one it extends, even when the general phrase comes first', () => {
  const registry = createRegistry([
    ...builtinSources(),
    ws('ktxh', '---\nid: bao-cao-ktxh\nmatch: [tình hình kinh tế - xã hội]\npages: { xã: 10 }\n---\n# I. TÌNH HÌNH\n# II. NHIỆM VỤ\n'),
    ws('ktxh-9', '---\nid: bao-cao-ktxh-9-thang\nextends: bao-cao-ktxh\nmatch: [kinh tế - xã hội 9 tháng]\npages: { xã: 8 }\n---\n'),
  ]);
  const report = '# BÁO CÁO\n\n**Tình hình kinh tế - xã hội 9 tháng đầu năm 2025**\n\n# I. TÌNH HÌNH\n\nA.\n\n# II. NHIỆM VỤ\n\nB.\n';
  assert.equal(check(report, registry).template?.id, 'bao-cao-ktxh-9-thang');
  assert.equal(check(report.replace('9 tháng đầu năm', 'năm'), registry).template?.id, 'bao-cao-ktxh');
});

test('a title heading of several words is read with its subject line when it alone matches nothing', () => {
  const registry = createRegistry([...builtinSources(), ws('hoi-phu-nu', '---\nid: tong-ket-hoi-phu-nu\nmatch: [tổng kết công tác hội]\n---\n# I. KẾT QUẢ\n## 1. Ưu điểm\n## 2. Hạn chế\n# II. PHƯƠNG HƯỚNG\n')]);
  const report = '# BÁO CÁO TỔNG KẾT\n\n**Công tác Hội và phong trào phụ nữ năm 2025**\n\n# I. KẾT QUẢ\n\n## 2. Hạn chế\n\nB.\n\n# II. PHƯƠNG HƯỚNG\n\nC.\n';
  const result = check(report, registry);
  assert.equal(result.template?.id, 'tong-ket-hoi-phu-nu');
  assert.ok(result.findings.some((f) => f.code === 'missing-section' && f.message.en.includes('Ưu điểm')));
  // The subject line is read with a long heading too: the workspace's outline named there wins
  // over the built-in plan outline the heading's first words name.
  const plan = '# KẾ HOẠCH TỔ CHỨC\n\n**Tổng kết công tác Hội năm 2025**\n\n# I. KẾT QUẢ\n\nA.\n';
  assert.equal(check(plan, registry).template?.id, 'tong-ket-hoi-phu-nu');
});

test('the preamble is no title: a report citing “Căn cứ Kế hoạch số …” is not read as a plan', () => {
  const registry = createRegistry(builtinSources());
  const preamble = 'Căn cứ Kế hoạch số 09/KH-MTTQ-BTT ngày 15/8/2025 của Ban Thường trực về tổ chức Ngày hội, Ban Thường trực báo cáo kết quả như sau:\n\n## I. KẾT QUẢ TỔ CHỨC\n\nA.\n';
  for (const head of ['**BAN THƯỜNG TRỰC**\n\nSố: 15/BC-MTTQ\n\n**BÁO CÁO**\n\n**Kết quả tổ chức Ngày hội năm 2025**\n\n', '# BÁO CÁO\n\n**Kết quả tổ chức Ngày hội năm 2025**\n\n']) {
    assert.equal(check(head + preamble, registry).selection.kind, 'none', head);
  }
  // A plan's own title in the same place is read.
  assert.equal(check('**KẾ HOẠCH**\n\n**Tổ chức Ngày hội năm 2025**\n\n' + preamble, registry).template?.id, 'ke-hoach');
});

test('a workspace outline’s phrase matches with other words between its own', () => {
  const registry = createRegistry([...builtinSources(), ws('hnd', '---\nid: hnd-6-thang\nmatch: [sơ kết 6 tháng đầu năm]\n---\n# PHẦN THỨ NHẤT\n')]);
  const report = '# BÁO CÁO\n\n**Sơ kết công tác Hội và phong trào nông dân 6 tháng đầu năm 2025**\n\n# PHẦN THỨ NHẤT\n\nA.\n';
  assert.equal(check(report, registry).template?.id, 'hnd-6-thang');
  // Built-in phrases still need their words together.
  assert.notEqual(check('# BÁO CÁO\n\n**Công tác mặt trận và hội 6 tháng**\n\n# I. A\n', createRegistry(builtinSources())).template?.id, 'bao-cao-6-thang-cong-tac-mat-tran');
});

test('a title typed at its sections’ level (`# BÁO CÁO …` over `# I. …`) is the title, in a report and in an outline', () => {
  const registry = createRegistry([...builtinSources(), ws('chi-bo', '---\nid: kiem-diem-chi-bo\nmatch: [kiểm điểm tập thể chi bộ]\n---\n# ĐỀ CƯƠNG BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ\n# I. ƯU ĐIỂM\n# II. HẠN CHẾ\n')]);
  const template = registry.templates.get('kiem-diem-chi-bo')!;
  assert.deepEqual(template.outline.all.map((s) => s.heading.text), ['I. ƯU ĐIỂM', 'II. HẠN CHẾ'], 'the outline’s title is no required section');
  const report = '# BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ NĂM 2025\n\n# I. ƯU ĐIỂM\n\nA.\n\n# II. HẠN CHẾ\n\nB.\n';
  const result = check(report, registry);
  assert.equal(result.template?.id, 'kiem-diem-chi-bo');
  assert.deepEqual(result.findings.map((f) => f.code), []);
  // An unnumbered first section that names no kind of document stays a section.
  const opening = check('# MỞ ĐẦU\n\nA.\n\n# I. ƯU ĐIỂM\n\nB.\n\n# II. HẠN CHẾ\n\nC.\n', registry, { template: 'kiem-diem-chi-bo' });
  assert.equal(opening.outline.all.length, 3);
});
