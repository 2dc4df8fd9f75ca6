// “(nếu có)” marks a section of the outline as optional; it is a note to the writer, not words of
// the title. The near-title fix wrote it into the author's heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/index.ts';
import { withoutOptionalMark } from '../../server/src/core/normalize.ts';
import { findings } from '../helpers.ts';

test('withoutOptionalMark drops “(nếu có)” in any case and Unicode form, and keeps other notes', () => {
  assert.equal(withoutOptionalMark('THỜI GIAN, HÌNH THỨC TỔ CHỨC (nếu có)'), 'THỜI GIAN, HÌNH THỨC TỔ CHỨC');
  assert.equal(withoutOptionalMark('KHEN THƯỞNG (NẾU CÓ)'.normalize('NFD')), 'KHEN THƯỞNG');
  assert.equal(withoutOptionalMark('Kết quả (nếu  có ) thực hiện'), 'Kết quả thực hiện');
  const other = 'Nội dung (có số liệu)'.normalize('NFD');
  assert.equal(withoutOptionalMark(other), other, 'untouched, in its own form');
});

test('the near-title of an optional section says and writes the title without “(nếu có)”', () => {
  const report = '# KẾ HOẠCH SƠ KẾT\n\n# I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n\n# II. NỘI DUNG\n\nB.\n\n# III. THỜI GIAN, PHƯƠNG THỨC TỔ CHỨC\n\nC.\n\n# V. TỔ CHỨC THỰC HIỆN\n\nD.\n';
  const near = findings(report, { template: 'ke-hoach' }).filter((f) => f.code === 'section-title');
  assert.equal(near.length, 1, JSON.stringify(near.map((f) => f.message.en)));
  assert.doesNotMatch(near[0]!.message.vi, /nếu có/);
  assert.match(near[0]!.message.vi, /có phải “III\. THỜI GIAN, HÌNH THỨC TỔ CHỨC”\?/);
  const fix = near[0]!.fixes![0]!;
  assert.doesNotMatch(fix.title.vi, /nếu có/);
  const fixed = applyEdits(report, fix.edits);
  assert.match(fixed, /^# III\. THỜI GIAN, HÌNH THỨC TỔ CHỨC$/m);
});

test('“[nếu có]” and a closing “– nếu có” mark a section optional too, and are no words of its title', async () => {
  const { isOptionalTitle } = await import('../../server/src/core/normalize.ts');
  for (const title of ['IV. KHEN THƯỞNG [nếu có]', 'IV. KHEN THƯỞNG - nếu có', 'IV. Khen thưởng – Nếu có']) {
    assert.ok(isOptionalTitle(title), title);
    assert.match(withoutOptionalMark(title), /^IV\. (KHEN THƯỞNG|Khen thưởng)$/, title);
  }
  assert.ok(!isOptionalTitle('Đề xuất các giải pháp nếu có điều kiện'), 'the words in a sentence are no mark');
  assert.equal(withoutOptionalMark('Kinh phí - tài trợ'), 'Kinh phí - tài trợ');
});

test('a near title in a report renumbered after an optional section left out: “did you mean” with the report’s number, as the quick fix keeps it', async () => {
  const { readFixture, findings } = await import('../helpers.ts');
  const complete = readFixture('complete', 'kiem-diem-tap-the-ban-thuong-truc.md');
  // IV (optional) left out, V–VII renumbered IV–VI, and the last one reworded.
  const start = complete.indexOf('# IV. ');
  const end = complete.indexOf('# V. ');
  assert.ok(start > 0 && end > start);
  const text = (complete.slice(0, start) + complete.slice(end)).replace('# V. ', '# IV. ').replace('# VI. ', '# V. ').replace(/# VII\. [^\n]*/, '# VI. Tự đánh giá, đề nghị xếp loại chất lượng');
  const near = findings(text).filter((f) => f.code === 'section-title');
  assert.equal(near.length, 1, near.map((f) => f.message.en).join('\n'));
  assert.match(near[0]!.message.en, /did you mean “VI\. Đề nghị xếp loại mức chất lượng”\?/);
  assert.equal(near[0]!.fixes![0]!.edits[0]!.text, 'Đề nghị xếp loại mức chất lượng');
});
