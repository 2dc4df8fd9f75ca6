// Small things QA found: guidance with a table inserted as a comment, ids typed in another Unicode form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, createRegistry } from '../../server/src/core/index.ts';
import { guidanceComment } from '../../server/src/core/insert.ts';
import { parseMarkdown } from '../../server/src/core/parse.ts';
import { builtinSources } from '../helpers.ts';

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
