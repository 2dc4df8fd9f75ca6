// Cases a regression round of QA found after the day's fixes: each failed on the code before its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, createRegistry } from '../../server/src/core/index.ts';
import { builtinSources } from '../helpers.ts';

const ws = (name: string, text: string) => ({ path: `/w/.decuong/templates/${name}.md`, text, builtin: false });
const codes = (text: string, registry: ReturnType<typeof createRegistry>) => check(text, registry).findings.map((f) => `${f.code} ${f.message.en}`);

test('a title over an unnumbered first section (ĐẶT VẤN ĐỀ) is the title, in an outline and in a report', () => {
  const registry = createRegistry([...builtinSources(), ws('tk', '---\nid: tk\nmatch: [tổng kết công tác dân vận]\n---\n# ĐỀ CƯƠNG BÁO CÁO TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2025\n(Kèm theo Công văn số 125-CV/BDVTU)\n# ĐẶT VẤN ĐỀ\n# I. KẾT QUẢ\n# II. PHƯƠNG HƯỚNG\n')]);
  assert.deepEqual(registry.templates.get('tk')!.outline.all.map((s) => s.heading.text), ['ĐẶT VẤN ĐỀ', 'I. KẾT QUẢ', 'II. PHƯƠNG HƯỚNG']);
  const report = '# BÁO CÁO TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2025\n\n# ĐẶT VẤN ĐỀ\n\nA.\n\n# I. KẾT QUẢ\n\nB.\n\n# II. PHƯƠNG HƯỚNG\n\nC.\n';
  assert.equal(check(report, registry).template?.id, 'tk');
  assert.deepEqual(codes(report, registry), []);
  // The subject typed as a heading under a `# BÁO CÁO` title is read with it.
  const subject = '# BÁO CÁO\n\n## TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2025\n\n# ĐẶT VẤN ĐỀ\n\nA.\n\n# I. KẾT QUẢ\n\nB.\n\n# II. PHƯƠNG HƯỚNG\n\nC.\n';
  assert.equal(check(subject, registry).template?.id, 'tk');
});

test('front matter below an empty line, or closed with “...”, is said — for a template and for a report', () => {
  for (const [text, words] of [['\n---\nid: q\nmatch: [báo cáo quý]\n---\n# I. KẾT QUẢ\n', /first line/], ['---\nid: q\nmatch: [báo cáo quý]\n...\n# I. KẾT QUẢ\n', /closed with “\.\.\.”/]] as const) {
    const problems = createRegistry([ws('q', text)]).problems;
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0]!.message.en, words);
    const report = text.replace(/id: q\nmatch: \[báo cáo quý\]/, 'decuong: ke-hoach');
    const said = check(report, createRegistry(builtinSources())).findings.filter((f) => f.code === 'front-matter');
    assert.equal(said.length, 1, report);
    assert.match(said[0]!.message.en, words);
  }
});

test('a pasted C. after marked A., B. is a letter of their run', () => {
  const text = '# BÁO CÁO\n\n## A. CÔNG TÁC TUYÊN TRUYỀN\n\nA.\n\n## B. CÁC PHONG TRÀO THI ĐUA\n\nB.\n\nC. CÔNG TÁC XÂY DỰNG TỔ CHỨC HỘI\n\nC.\n';
  const found = check(text, createRegistry(builtinSources())).findings;
  assert.deepEqual(found.filter((f) => f.code === 'heading-not-marked').map((f) => /“(#+) ”/.exec(f.message.en)?.[1]), ['##']);
  assert.deepEqual(found.filter((f) => f.code === 'numbering'), []);
});

test('an outline part given by number, its title below, is the report’s part written with its title alone', () => {
  const registry = createRegistry([...builtinSources(), ws('phan', '---\nid: phan\n---\n# PHẦN THỨ NHẤT\n**KẾT QUẢ THỰC HIỆN NHIỆM VỤ**\n# PHẦN THỨ HAI\n**NHIỆM VỤ THỜI GIAN TỚI**\n')]);
  const report = '---\ndecuong: phan\n---\n# BÁO CÁO\n\n## PHẦN I: KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n\nA.\n\n## NHIỆM VỤ THỜI GIAN TỚI\n\nB.\n';
  assert.deepEqual(codes(report, registry), []);
});

test('a run-in label that is the title of a section elsewhere in the outline does not stand for it', () => {
  const registry = createRegistry([...builtinSources(), ws('tn', '---\nid: tn\n---\n# I. MỤC ĐÍCH, YÊU CẦU\n## 1. Mục đích\n## 2. Yêu cầu\n# II. TỔ CHỨC THỰC HIỆN\n')]);
  const report = '---\ndecuong: tn\n---\n# KẾ HOẠCH\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích: Tạo đợt sinh hoạt.\n\n## II. TỔ CHỨC THỰC HIỆN\n\n1. Yêu cầu: Các chi đoàn báo cáo trước ngày 30/3.\n\n2. Phân công: Văn phòng theo dõi.\n';
  const found = codes(report, registry);
  assert.ok(found.some((f) => f.startsWith('missing-section') && f.includes('Yêu cầu')), found.join('\n'));
  assert.ok(!found.some((f) => f.startsWith('section-order')), found.join('\n'));
});
