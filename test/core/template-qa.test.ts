// Templates as clerks write them: front matter left open, keys typed almost right, a colon in a
// value, a heading level skipped. Each used to load silently and then do nothing, or misread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, createRegistry } from '../../server/src/core/index.ts';
import { builtinSources } from '../helpers.ts';

const load = (text: string) => createRegistry([...builtinSources(), { path: '/w/.decuong/templates/t.md', text, builtin: false }]);
const problemsOf = (text: string) => load(text).problems.filter((p) => p.path === '/w/.decuong/templates/t.md');

test('front matter never closed is a template problem at its “---”', () => {
  const text = '---\nid: chi-bo\nmatch: [kiểm điểm chi bộ]\n# I. ƯU ĐIỂM\n# II. HẠN CHẾ\n';
  const problems = problemsOf(text);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.equal(problems[0]!.offset, 0);
  assert.match(problems[0]!.message.vi, /chưa đóng: thêm một dòng “---”/);
  assert.deepEqual(problemsOf('---\nid: chi-bo\n---\n# I. ƯU ĐIỂM\n'), [], 'closed: no problem');
  assert.deepEqual(problemsOf('# I. ƯU ĐIỂM\n\n---\n\n# II. HẠN CHẾ\n'), [], 'a rule in the outline is no front matter');
});

test('keys typed almost right are said with the key meant; the author’s own keys are not', () => {
  const text = '---\nid: c\nMatch: [kế hoạch riêng]\npage: 2\nextend: ke-hoach\ngioi-han-trang: 3\nghi-chu: bản của văn phòng\n---\n# I. MỤC ĐÍCH\n';
  const said = problemsOf(text).map((p) => p.message.en);
  assert.equal(said.length, 4, said.join('\n'));
  for (const [typed, meant] of [['Match', 'match'], ['page', 'pages'], ['extend', 'extends'], ['gioi-han-trang', 'pages']]) {
    assert.ok(said.some((m) => m.includes(`“${typed}:” is not read: did you mean “${meant}:”?`)), `${typed} → ${meant}`);
  }
});

test('a YAML error says what to look at, a colon in a value included', () => {
  const problems = problemsOf('---\nid: q\ntitle: Báo cáo quý: mẫu chung\n---\n# I. KẾT QUẢ\n');
  assert.ok(problems.length >= 1);
  assert.match(problems[0]!.message.vi, /giá trị có dấu “:” phải đặt trong nháy kép/);
});

test('an outline that skips a heading level means one level down: a report nested without a skip is right', () => {
  const registry = load('---\nid: s\n---\n# I. KẾT QUẢ\n### 1. Kinh tế\n### 2. Xã hội\n# II. PHƯƠNG HƯỚNG\n');
  const report = '---\ndecuong: s\n---\n# BÁO CÁO\n\n## I. KẾT QUẢ\n\n### 1. Kinh tế\n\nA.\n\n### 2. Xã hội\n\nB.\n\n## II. PHƯƠNG HƯỚNG\n\nC.\n';
  assert.deepEqual(check(report, registry).findings.map((f) => `${f.code} ${f.message.en}`), []);
  // A report one level too deep is still told.
  const deep = report.replace('### 1. Kinh tế', '#### 1. Kinh tế');
  assert.ok(check(deep, registry).findings.some((f) => f.code === 'section-level'));
});

test('C. after B. (and I. after H.) is a letter of the run, not a Roman number, in reports and outlines', () => {
  const report = '# BÁO CÁO\n\n## A. CÔNG TÁC TUYÊN TRUYỀN\n\nA.\n\n## B. CÁC PHONG TRÀO\n\nB.\n\n## C. XÂY DỰNG TỔ CHỨC\n\nC.\n\n## D. ĐÁNH GIÁ CHUNG\n\nD.\n';
  assert.deepEqual(check(report, createRegistry(builtinSources())).findings.filter((f) => f.code === 'numbering').map((f) => f.message.en), []);
  const letters = 'ABCDĐEGHIK'.split('').map((l) => `## ${l}. Mục ${l}\n\nNội dung.\n`).join('\n');
  assert.deepEqual(check(`# BÁO CÁO\n\n${letters}`, createRegistry(builtinSources())).findings.filter((f) => f.code === 'numbering').map((f) => f.message.en), []);
  // A Roman run stays Roman: I., II., III. — and C. after B. in the outline pairs with the report's C.
  assert.deepEqual(check('# BÁO CÁO\n\n## I. MỘT\n\nA.\n\n## II. HAI\n\nB.\n\n## III. BA\n\nC.\n', createRegistry(builtinSources())).findings.filter((f) => f.code === 'numbering'), []);
  const registry = load('---\nid: abc\n---\n# A. CÔNG TÁC TUYÊN TRUYỀN\n# B. CÁC PHONG TRÀO\n# C. XÂY DỰNG TỔ CHỨC\n# D. ĐÁNH GIÁ CHUNG\n');
  const section = registry.templates.get('abc')!.outline.all[2]!;
  assert.equal(section.heading.numbering?.style, 'upper-letter');
  const withoutC = '---\ndecuong: abc\n---\n# BÁO CÁO\n\n## A. CÔNG TÁC TUYÊN TRUYỀN\n\nA.\n\n## B. CÁC PHONG TRÀO\n\nB.\n\n## D. ĐÁNH GIÁ CHUNG\n\nD.\n';
  const fix = check(withoutC, registry).findings.find((f) => f.code === 'missing-section')!.fixes![0]!;
  assert.match(fix.edits[0]!.text, /## C\. XÂY DỰNG TỔ CHỨC/);
});

test('pasted titles A. B. C. D.: C. is marked at the level of its run', () => {
  const pasted = '# BÁO CÁO TỔNG KẾT\n\nA. CÔNG TÁC TUYÊN TRUYỀN\n\nNội dung.\n\nB. CÁC PHONG TRÀO THI ĐUA\n\nNội dung.\n\nC. CÔNG TÁC XÂY DỰNG TỔ CHỨC HỘI\n\nNội dung.\n\nD. ĐÁNH GIÁ CHUNG\n\nNội dung.\n';
  const findings = check(pasted, createRegistry(builtinSources())).findings;
  assert.deepEqual(findings.filter((f) => f.code === 'heading-not-marked').map((f) => /start the line with “(#+) ”/.exec(f.message.en)?.[1]), ['##', '##', '##', '##']);
  assert.deepEqual(findings.filter((f) => f.code === 'numbering'), []);
});

test('unknown-template offers each close id as a fix, and says when the close one’s template file is broken', () => {
  // The template's front matter is left open: its id is its file's name, `quy`.
  const registry = createRegistry([...builtinSources(), { path: '/w/.decuong/templates/quy.md', builtin: false, text: '---\nid: bao-cao-quy\n# I. KẾT QUẢ\n' }]);
  const report = '---\ndecuong: bao-cao-quy\n---\n# BÁO CÁO\n';
  const found = check(report, registry).findings.find((f) => f.code === 'unknown-template')!;
  assert.match(found.message.en, /did you mean: .*“quy”/);
  assert.match(found.message.en, /The template “quy” \(\/w\/\.decuong\/templates\/quy\.md\) is broken: .*not closed/);
  const use = found.fixes!.find((f) => f.title.en === 'Use “quy”')!;
  assert.ok(use && !use.preferred);
  assert.equal(applyEdits(report, use.edits), '---\ndecuong: quy\n---\n# BÁO CÁO\n');
});
