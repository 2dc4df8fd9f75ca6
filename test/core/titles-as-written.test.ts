// Titles as clerks write them: the subject line under “BÁO CÁO” at any length, and outline titles
// shortened by their citation (QA round s10 on reports the checker had not seen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/index.ts';
import { builtinRegistry, findings, readFixture } from '../helpers.ts';

const chosen = (text: string) => {
  const s = check(text, builtinRegistry()).selection;
  return 'template' in s ? s.template.id : undefined;
};

test('the subject line under the document’s kind alone names the outline whatever its length; a sentence ending in “:” does not', () => {
  const subjects: Array<[string, string]> = [
    ['Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội MTTQ xã Tân Thành, nhiệm kỳ 2019 - 2024', 'so-ket-giua-nhiem-ky-2019-2024'],
    ['Kết quả công tác Mặt trận 6 tháng đầu năm, nhiệm vụ trọng tâm công tác 6 tháng cuối năm 2024', 'bao-cao-6-thang-cong-tac-mat-tran'],
    ['Kiểm điểm tập thể Ban Thường trực Ủy ban MTTQ Việt Nam xã Định An năm 2024', 'kiem-diem-tap-the-ban-thuong-truc'],
    ['Sơ kết 05 năm thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” giai đoạn 2016 - 2020', 'so-ket-5-nam-cuoc-van-dong'],
  ];
  for (const [subject, id] of subjects) {
    for (const kind of ['BÁO CÁO', '# BÁO CÁO', '**BÁO CÁO**']) {
      for (const gap of ['\n', '\n\n']) {
        const text = `${kind}${gap}${subject}\n\nI. TÌNH HÌNH CHUNG\n\nNội dung.\n`;
        assert.equal(chosen(text), id, JSON.stringify(text));
        assert.equal(chosen(text.replace(/\n/g, '\r\n').normalize('NFD')), id, 'CRLF, NFD');
      }
    }
  }
  // A note in brackets between the kind and its subject, and a subject run on over two lines.
  assert.equal(chosen('BÁO CÁO\n(Dự thảo lần 2 - tài liệu phục vụ Hội nghị)\nSơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu MTTQ Việt Nam xã An Bình, nhiệm kỳ 2024 - 2029\n\nI. KẾT QUẢ\n'), 'so-ket-giua-nhiem-ky-2019-2024');
  assert.equal(chosen('BÁO CÁO\nKết quả công tác Mặt trận\n6 tháng đầu năm, nhiệm vụ trọng tâm công tác 6 tháng cuối năm 2024\n\nI. KẾT QUẢ\n'), 'bao-cao-6-thang-cong-tac-mat-tran');
  // A sentence under the kind is prose (it ends as one), not the subject.
  assert.equal(chosen('# BÁO CÁO\n\nTrong 6 tháng đầu năm 2024, Hội Cựu chiến binh xã đã phối hợp tốt với Mặt trận.\n\n## 1. Kết quả\n'), undefined);
  // The opening sentence is prose, not the subject: the plan it cites does not make the report one.
  assert.equal(chosen('BÁO CÁO\nThực hiện Kế hoạch số 87/KH-MTTQ-BTT ngày 06/10/2020 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh về sơ kết 05 năm Cuộc vận động, báo cáo như sau:\n\nI. KẾT QUẢ\n'), undefined);
});

test('a section whose long outline title is shortened (its citation left out) is there, reworded: a near title, not missing', () => {
  const complete = readFixture('complete', 'so-ket-5-nam-cuoc-van-dong.md');
  // Each heading cut before “theo …”, “số …” or after its first words, as authors shorten them.
  const shortened = complete
    .replace(/^(### 1\. Công tác tham mưu cấp ủy lãnh đạo thực hiện Cuộc vận động) theo .*$/m, '$1')
    .replace(/^(### 2\. Công tác phối hợp với chính quyền) thực hiện .*$/m, '$1')
    .replace(/^(#### 1\.2\. Đoàn kết xây dựng đời sống văn hóa),.*$/m, '$1')
    .replace(/^### 2\. Nêu một số (mô hình điển hình) trong .*$/m, '### 2. Mô hình điển hình');
  assert.notEqual(shortened, complete);
  const found = findings(shortened);
  assert.deepEqual(found.filter((f) => f.code === 'missing-section').map((f) => f.message.en), []);
  assert.deepEqual(found.filter((f) => f.code === 'section-title').map((f) => f.message.en.slice(0, f.message.en.indexOf('” differs'))), [
    'Section title “1. Công tác tham mưu cấp ủy lãnh đạo thực hiện Cuộc vận động',
    'Section title “2. Công tác phối hợp với chính quyền',
    'Section title “1.2. Đoàn kết xây dựng đời sống văn hóa',
    'Section title “2. Mô hình điển hình',
  ]);
  // Two of its words, or three that are not a run of them, are not that section.
  for (const other of ['### 2. Phối hợp', '### 2. Công tác chính quyền']) {
    const text = complete.replace(/^### 2\. Công tác phối hợp với chính quyền .*$/m, other);
    assert.ok(findings(text).some((f) => f.code === 'missing-section' && f.message.en.startsWith('Missing section “2. Công tác phối hợp')), other);
  }
});

/** Each title with the outline it chooses (undefined: none). */
function chooses(cases: ReadonlyArray<readonly [string, string | undefined]>): void {
  for (const [text, id] of cases) assert.equal(chosen(text), id, JSON.stringify(text));
}

test('a kind of document the title cites after naming its own (“BÁO CÁO … thực hiện Kế hoạch số 35”) does not choose that kind’s outline', () => {
  chooses([
    ['# BÁO CÁO KẾT QUẢ GIÁM SÁT VIỆC THỰC HIỆN KẾ HOẠCH SỐ 35/KH-UBND NGÀY 10/3/2024\n\n## I. KẾT QUẢ\n\nA.\n', undefined],
    ['BÁO CÁO\nKết quả thực hiện Kế hoạch số 35/KH-UBND về tổ chức Ngày hội\n\nI. KẾT QUẢ\n\nA.\n', undefined],
    // A plan's own title, a draft of one, and a plan that cites a programme are plans.
    ['# KẾ HOẠCH TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n', 'ke-hoach'],
    ['DỰ THẢO\n\nKẾ HOẠCH\nTổ chức hội nghị đại biểu Nhân dân\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nA.\n', 'ke-hoach'],
    ['# KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP NĂM 2025\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n', 'ke-hoach'],
  ]);
});

test('a title line that names another kind of document than the outline’s (HƯỚNG DẪN, CHƯƠNG TRÌNH) chooses no report outline by a shared phrase; reports and plans keep theirs', () => {
  chooses([
    ['# HƯỚNG DẪN SƠ KẾT GIỮA NHIỆM KỲ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI MTTQ CÁC CẤP\n\n## I. MỤC ĐÍCH\n\nA.\n', undefined],
    ['# CHƯƠNG TRÌNH CÔNG TÁC 6 THÁNG ĐẦU NĂM 2025\n\n## I. NHIỆM VỤ\n\nA.\n', undefined],
    ['# BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ\n\n## I. KẾT QUẢ\n\nA.\n', 'so-ket-giua-nhiem-ky-2019-2024'],
    ['# SƠ KẾT GIỮA NHIỆM KỲ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI\n\n## I. KẾT QUẢ\n\nA.\n', 'so-ket-giua-nhiem-ky-2019-2024'],
    ['DỰ THẢO\n\nBÁO CÁO\nSơ kết giữa nhiệm kỳ thực hiện Nghị quyết\n\nI. KẾT QUẢ\n', 'so-ket-giua-nhiem-ky-2019-2024'],
    ['# KẾ HOẠCH SƠ KẾT GIỮA NHIỆM KỲ\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n', 'ke-hoach'],
  ]);
});

test('an invitation, a decision, a speech for the conference (GIẤY MỜI, QUYẾT ĐỊNH, THAM LUẬN …) chooses no outline by the conference’s name', () => {
  const body = '\n\nBan Thường trực trân trọng kính mời dự Hội nghị.\n\nThời gian: 8 giờ.\n';
  chooses(
    ['GIẤY MỜI', 'THƯ MỜI', 'GIẤY TRIỆU TẬP', 'QUYẾT ĐỊNH', 'THAM LUẬN', 'BÀI PHÁT BIỂU', 'PHÁT BIỂU', 'KẾT LUẬN', 'DANH SÁCH', 'TRÍCH BIÊN BẢN', 'DỰ THẢO NGHỊ QUYẾT', 'DỰ THẢO QUYẾT ĐỊNH'].flatMap((kind) => [
      [`# ${kind}\n**Dự Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu MTTQ Việt Nam xã, nhiệm kỳ 2024 - 2029**${body}`, undefined],
      [`${kind}\nVề việc tổ chức Hội nghị báo cáo kết quả công tác Mặt trận 6 tháng đầu năm 2025${body}`, undefined],
    ] as const),
  );
  // The same subject under BÁO CÁO is the report.
  chooses([['# BÁO CÁO\n**Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu MTTQ Việt Nam xã, nhiệm kỳ 2024 - 2029**\n\n## I. KẾT QUẢ\n\nA.\n', 'so-ket-giua-nhiem-ky-2019-2024']]);
});

test('a letterhead laid out as a table above the title, and a title typed as the first line in sentence case, still name the outline', () => {
  const body = '\n\n## I. TÌNH HÌNH TRIỂN KHAI, QUÁN TRIỆT NGHỊ QUYẾT\n\nA.\n';
  const letterhead = '| ỦY BAN MTTQ VIỆT NAM HUYỆN PHÚ BÌNH<br>**BAN THƯỜNG TRỰC ỦY BAN MTTQ XÃ TÂN ĐỨC** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n|:---:|:---:|\n| Số: 15/BC-MTTQ | *Tân Đức, ngày 20 tháng 6 năm 2022* |\n\n';
  chooses([
    [`${letterhead}**BÁO CÁO**\n\n**Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu MTTQ Việt Nam xã Tân Đức, nhiệm kỳ 2019 - 2024**${body}`, 'so-ket-giua-nhiem-ky-2019-2024'],
    [`Báo cáo sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội MTTQ Việt Nam phường Đông Hòa, nhiệm kỳ 2019 - 2024\n\nSau 03 năm, Ban Thường trực báo cáo như sau:${body}`, 'so-ket-giua-nhiem-ky-2019-2024'],
    // A first line of prose that names a report is no title.
    [`Báo cáo này tổng hợp ý kiến của cử tri về sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội.${body}`, undefined],
  ]);
});

test('a title with the report’s own citation in place of the outline’s (another period’s documents) gets no “did you mean” that would put the old one back', () => {
  const complete = readFixture('complete', 'so-ket-5-nam-cuoc-van-dong.md');
  const line = complete.split('\n').find((l) => /^#+ 2\. Công tác phối hợp với chính quyền/.test(l))!;
  const own = complete.replace(line, line.replace(/số 2417\/CTPH-UBND-UBMTTQ ngày 11\/9\/2017[^]*$/, 'số 1180/CTPH-UBND-UBMTTQ ngày 05/7/2021 giữa Ủy ban nhân dân tỉnh và Ủy ban MTTQ Việt Nam tỉnh'));
  assert.notEqual(own, complete);
  const titled = (text: string) => findings(text).filter((f) => f.code === 'section-title').map((f) => f.message.en);
  assert.deepEqual(titled(own), []);
  // Other words before the citation are still another title.
  const reworded = own.replace('2. Công tác phối hợp với chính quyền', '2. Phối hợp với Ủy ban nhân dân');
  assert.equal(titled(reworded).length, 1);
});
