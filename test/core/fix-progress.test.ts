// Fix-all must end: a fix whose finding comes back must not be applied again and again. And an
// outline heading that is only its number ("# PHẦN THỨ NHẤT", the title on the next line) is the
// report's section of that number, whatever its title (it gave a false missing-section that fix-all
// inserted until its step limit, 15 lines growing to 1 600).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, createRegistry, fixAll, type Finding } from '../../server/src/core/index.ts';
import { builtinSources } from '../helpers.ts';

const finding = (offset: number, en: string, insert: string): Finding => ({
  code: 'missing-section', level: 'error', offset, length: 0, message: { vi: en, en },
  fixes: [{ title: { vi: 'x', en: 'x' }, preferred: true, edits: [{ offset, length: 0, text: insert }] }],
});

test('a finding that comes back after its fix is applied once, not up to the step limit', () => {
  const result = fixAll('Báo cáo.\n', () => [finding(0, 'Missing “PHẦN THỨ NHẤT”', '# PHẦN\n')]);
  assert.equal(result.text, '# PHẦN\nBáo cáo.\n');
  assert.equal(result.applied.length, 1);
});

test('equal findings seen at once (two equal lines) are each fixed', () => {
  const quoteLines = (text: string) => {
    const out: Finding[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      if (line === 'A') out.push(finding(offset, 'line “A”', '> '));
      offset += line.length + 1;
    }
    return out;
  };
  const result = fixAll('A\nA\nB\n', quoteLines);
  assert.equal(result.text, '> A\n> A\nB\n');
  assert.equal(result.applied.length, 2);
});

const partsOutline = '---\nid: mau-phan\nmatch: [báo cáo mẫu phần]\n---\n# PHẦN THỨ NHẤT\n**KẾT QUẢ THỰC HIỆN NHIỆM VỤ**\n## 1. Công tác tuyên truyền\n## 2. Công tác tổ chức\n# PHẦN THỨ HAI\n**NHIỆM VỤ THỜI GIAN TỚI**\n';
const registry = createRegistry([...builtinSources(), { path: '/w/.decuong/templates/phan.md', text: partsOutline, builtin: false }]);

test('an outline part given only by its number pairs with the report part of that number, titled or not', () => {
  for (const [first, second] of [['PHẦN I: KẾT QUẢ THỰC HIỆN NHIỆM VỤ', 'PHẦN II: NHIỆM VỤ THỜI GIAN TỚI'], ['PHẦN THỨ NHẤT: KẾT QUẢ', 'Phần thứ hai. Nhiệm vụ'], ['PHẦN THỨ NHẤT', 'PHẦN THỨ HAI']]) {
    const report = `# BÁO CÁO MẪU PHẦN\n\n## ${first}\n\n### 1. Công tác tuyên truyền\n\nNội dung.\n\n### 2. Công tác tổ chức\n\nNội dung.\n\n## ${second}\n\nNội dung.\n`;
    const result = check(report, registry);
    assert.equal(result.template?.id, 'mau-phan');
    assert.deepEqual(result.findings.map((f) => `${f.code} ${f.message.en}`), [], first);
  }
  // The number still has to be there: a part under another number is missing.
  const wrong = check('# BÁO CÁO MẪU PHẦN\n\n## PHẦN I: KẾT QUẢ\n\nNội dung.\n\n## PHẦN III: KHÁC\n\nNội dung.\n', registry);
  assert.ok(wrong.findings.some((f) => f.code === 'missing-section' && f.message.en.includes('PHẦN THỨ HAI')), JSON.stringify(wrong.findings.map((f) => f.message.en)));
});

test('fix-all on a report missing a part given only by its number inserts it once', () => {
  const report = '# BÁO CÁO MẪU PHẦN\n\n## PHẦN I: KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n\n### 1. Công tác tuyên truyền\n\nNội dung.\n\n### 2. Công tác tổ chức\n\nNội dung.\n';
  const result = fixAll(report, (t) => check(t, registry, { insertOnly: true }).findings);
  assert.equal(result.text.match(/^## /gm)?.length, 2, result.text);
  assert.ok(result.text.startsWith(report.trimEnd()), 'the author’s text stays as it was');
  assert.deepEqual(check(result.text, registry).findings.filter((f) => f.code === 'missing-section'), []);
  // Its title, below the number in the outline, goes on the heading line as the report writes parts…
  assert.match(result.text, /\n## PHẦN II: NHIỆM VỤ THỜI GIAN TỚI\n/);
  assert.doesNotMatch(result.text, /<!--/, 'the title is not guidance');
  // …and below it, in bold, where the report lays its parts out as the outline does.
  const below = '# BÁO CÁO MẪU PHẦN\n\n## PHẦN THỨ NHẤT\n\n**KẾT QUẢ**\n\n### 1. Công tác tuyên truyền\n\nNội dung.\n\n### 2. Công tác tổ chức\n\nNội dung.\n';
  const fixed = fixAll(below, (t) => check(t, registry, { insertOnly: true }).findings).text;
  assert.ok(fixed.endsWith('\n## PHẦN THỨ HAI\n\n**NHIỆM VỤ THỜI GIAN TỚI**\n'), fixed);
});
