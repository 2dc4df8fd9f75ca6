// A report saved with old Mac line ends (`\r` alone) gets its insertions with them too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, createRegistry } from '../../server/src/core/index.ts';
import { builtinRegistry, builtinSources } from '../helpers.ts';

test('a missing section inserted into a report with \\r line ends has \\r line ends', () => {
  const report = ['---', 'decuong: ke-hoach', '---', '# KẾ HOẠCH', '', '# I. MỤC ĐÍCH, YÊU CẦU', '', 'A.', '', '# V. TỔ CHỨC THỰC HIỆN', '', 'B.', ''].join('\r');
  const missing = check(report, builtinRegistry()).findings.find((f) => f.code === 'missing-section');
  assert.ok(missing, 'the missing section is found in a \\r report');
  const inserted = missing.fixes![0]!.edits.map((e) => e.text).join('');
  assert.ok(inserted.includes('\r') && !inserted.includes('\n'), JSON.stringify(inserted));
  const fixed = applyEdits(report, missing.fixes![0]!.edits);
  assert.ok(!fixed.includes('\n'));
});

test('no-template names the workspace’s own outlines first among its examples', () => {
  const registry = createRegistry([...builtinSources(), { path: '/w/.decuong/templates/z.md', text: '---\nid: zz-rieng\n---\n# I. A\n', builtin: false }]);
  const said = check('Ghi chép.\n', registry).findings.find((f) => f.code === 'no-template')!.message.en;
  assert.match(said, /e\.g\. zz-rieng, /);
});
