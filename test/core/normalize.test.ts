import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isOptionalTitle, titleKeys } from '../../server/src/core/normalize.ts';

test('titles compare equal across numbering, case, NFD, punctuation and years', () => {
  const base = titleKeys('II. KẾT QUẢ 03 NĂM THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2019 - 2024:');
  assert.equal(titleKeys('2. Kết quả 03 năm thực hiện nghị quyết nhiệm kỳ 2024 – 2029').core, base.core);
  assert.equal(titleKeys('Kết quả 03 năm thực hiện Nghị quyết nhiệm kỳ 2019-2024.'.normalize('NFD')).core, base.core);
  assert.equal(titleKeys('a) Công tác tuyên truyền').full, titleKeys('**c. CÔNG TÁC TUYÊN TRUYỀN**').full.replace(/^c /, ''));
});

test('old and new tone placement, abbreviations and parenthetical notes', () => {
  assert.equal(titleKeys('Hoà giải ở cơ sở').core, titleKeys('Hòa giải ở cơ sở').core);
  assert.equal(titleKeys('Uỷ ban MTTQ').core, titleKeys('Ủy ban Mặt trận Tổ quốc').core);
  assert.equal(titleKeys('V. CÁC KIẾN NGHỊ, ĐỀ XUẤT (nếu có)').core, titleKeys('Các kiến nghị, đề xuất').core);
  assert.equal(titleKeys('6.3. Các kiến nghị (để giải quyết khó khăn)').core, titleKeys('Các kiến nghị').core);
});

test('optional sections say (nếu có) in any case or form', () => {
  assert.ok(isOptionalTitle('4. Giải trình (nếu có)'));
  assert.ok(isOptionalTitle('4. Giải trình (NẾU CÓ)'.normalize('NFD')));
  assert.ok(!isOptionalTitle('4. Giải trình'));
});

test('“và” joins as a comma does in titles; words that begin with it are kept', () => {
  assert.equal(titleKeys('I. Ưu điểm và kết quả đạt được').core, titleKeys('I. Ưu điểm, kết quả đạt được').core);
  assert.equal(titleKeys('ƯU ĐIỂM VÀ KẾT QUẢ').core, titleKeys('Ưu điểm, kết quả').core);
  assert.equal(titleKeys('Ưu điểm và kết quả'.normalize('NFD')).core, titleKeys('Ưu điểm, kết quả').core);
  assert.notEqual(titleKeys('Đưa vào sử dụng').core, titleKeys('Đưa sử dụng').core);
  assert.notEqual(titleKeys('Văn hóa và xã hội').core, titleKeys('Văn hóa xã hội và môi trường').core);
});
