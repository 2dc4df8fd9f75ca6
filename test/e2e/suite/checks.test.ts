// Checks beyond the outline's sections, as VS Code shows them: numbering (with its renumber fix),
// titles typed as paragraphs (with the "make it a heading" fix), lines pasted from Word that run
// into the paragraph above (with the blank-line fix and fix-all), paragraphs indented into code
// (with the remove-indent fix), sections pasted twice, and unfilled blanks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { actionsAt, apply, lineOf, openReport, openUntitled, poll, quickFix, show, waitForDiagnostics, withCode } from './helpers';

/** Range of the `nth` (0-based) occurrence of `needle` on the first line matching `line`. */
function rangeOf(doc: vscode.TextDocument, line: RegExp, needle: string, nth = 0): vscode.Range {
  const l = lineOf(doc, line);
  const text = doc.lineAt(l).text;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `“${needle}” #${nth} not on line ${l + 1}: ${text}`);
  }
  return new vscode.Range(l, at, l, at + needle.length);
}

const at = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('checks', () => {
  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.path.includes('/bao-cao/'))) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('numbering: a repeated “III.” gets numbering on its number; the renumber fix renumbers the run', async () => {
    const doc = await openReport('bao-cao', 'danh-so-trung.md');
    const original = doc.getText();
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'numbering').length > 0, 'numbering');
    const numbering = withCode(ds, 'numbering');
    assert.equal(numbering.length, 1, show(ds));
    const d = numbering[0]!;
    assert.equal(at(d.range), at(rangeOf(doc, /^## III\. TỔ CHỨC THỰC HIỆN$/, 'III.')), 'the diagnostic covers the repeated number');
    assert.match(d.message, /“IV\.”/);

    const fix = await quickFix(doc, d, /^(Renumber the 4 sibling sections|Đánh số lại 4 mục cùng cấp)$/);
    await apply(fix);
    assert.equal(doc.getText(), original.replace('## III. TỔ CHỨC THỰC HIỆN\n', '## IV. TỔ CHỨC THỰC HIỆN\n'), 'only the repeated number changed');
    const after = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'numbering').length === 0, 'numbering to go away');
    assert.deepEqual(withCode(after, 'missing-section'), [], show(after));
  });

  it('duplicate-section: a section pasted twice is flagged on the copy, linked to the first; its number is not flagged as well', async () => {
    const doc = await openReport('bao-cao', 'lap-muc.md');
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'duplicate-section').length === 1, 'duplicate-section');
    const d = withCode(ds, 'duplicate-section')[0]!;
    const lines = doc.getText().split('\n');
    const first = lines.indexOf('## III. TỔ CHỨC THỰC HIỆN');
    const copy = lines.lastIndexOf('## III. TỔ CHỨC THỰC HIỆN');
    assert.ok(first >= 0 && copy > first);
    assert.equal(d.range.start.line, copy);
    assert.match(d.message, /(has the same title and level as|trùng tên, cùng cấp với mục) “III\. TỔ CHỨC THỰC HIỆN”/);
    assert.equal(d.relatedInformation?.[0]?.location.range.start.line, first);
    assert.deepEqual(withCode(ds, 'numbering'), [], show(ds));
  });

  it('heading-not-marked: a numbered title typed as a paragraph between headings; the fix makes it a “##” heading', async () => {
    const doc = await openReport('bao-cao', 'tieu-de-chua-danh-dau.md');
    const original = doc.getText();
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'heading-not-marked').length > 0, 'heading-not-marked');
    const unmarked = withCode(ds, 'heading-not-marked');
    assert.equal(unmarked.length, 1, show(ds));
    const d = unmarked[0]!;
    const line = lineOf(doc, /^II\. THỜI GIAN, ĐỊA ĐIỂM$/);
    assert.equal(d.range.start.line, line);
    assert.equal(doc.getText(d.range), 'II. THỜI GIAN, ĐỊA ĐIỂM');

    const fix = await quickFix(doc, d, /^(Make it a “##” heading|Đổi thành tiêu đề “##”)$/);
    await apply(fix);
    assert.equal(doc.lineAt(line).text, '## II. THỜI GIAN, ĐỊA ĐIỂM');
    assert.equal(doc.getText(), original.replace('\nII. THỜI GIAN, ĐỊA ĐIỂM\n', '\n## II. THỜI GIAN, ĐỊA ĐIỂM\n'), 'only the marker was added');
    const after = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'heading-not-marked').length === 0, 'heading-not-marked to go away');
    assert.deepEqual(withCode(after, 'numbering'), [], show(after));
  });

  it('heading-not-marked: an agenda typed as a numbered list (“2. Khen thưởng.” among its items) is a list, not the plan’s KHEN THƯỞNG; the plan’s own title typed as a paragraph is flagged', async () => {
    const content = [
      '# KẾ HOẠCH', '## Tổ chức Hội nghị tổng kết công tác Mặt trận năm 2024', '', '## I. MỤC ĐÍCH, YÊU CẦU', '', 'Đánh giá kết quả công tác Mặt trận năm 2024.', '',
      '## II. NỘI DUNG', '', 'Hội nghị gồm các nội dung:', '', '1. Báo cáo tổng kết năm 2024.', '2. Khen thưởng.', '3. Phát động thi đua năm 2025.', '',
      '## III. THỜI GIAN, HÌNH THỨC TỔ CHỨC', '', 'Ngày 18/12/2024.', '', 'IV. KHEN THƯỞNG', '', 'Tặng Giấy khen cho 5 tập thể.', '', '## V. TỔ CHỨC THỰC HIỆN', '', 'Văn phòng chuẩn bị.', '',
    ].join('\n');
    const doc = await openUntitled(content);
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'heading-not-marked').length > 0, 'heading-not-marked');
    assert.deepEqual(withCode(ds, 'heading-not-marked').map((d) => doc.lineAt(d.range.start.line).text), ['IV. KHEN THƯỞNG'], show(ds));
    assert.deepEqual([...withCode(ds, 'section-level'), ...withCode(ds, 'missing-section')], [], show(ds));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('missing-section: typing into a title the words of the missing section after it (“I. MỤC ĐÍCH, YÊU CẦU VÀ NỘI DUNG”) merges it: the error goes, no “did you mean” comes', async () => {
    const content = ['# KẾ HOẠCH', '## Tổ chức Hội nghị tổng kết công tác Mặt trận năm 2024', '', '## I. MỤC ĐÍCH, YÊU CẦU', '', 'Đánh giá kết quả công tác Mặt trận năm 2024.', '', '## II. TỔ CHỨC THỰC HIỆN', '', 'Văn phòng chuẩn bị.', ''].join('\n');
    const doc = await openUntitled(content);
    const named = (x: readonly vscode.Diagnostic[]) => withCode(x, 'missing-section').filter((d) => /“II\. NỘI DUNG”/.test(d.message));
    await waitForDiagnostics(doc.uri, (x) => named(x).length === 1, 'II. NỘI DUNG missing');
    const title = lineOf(doc, /^## I\. MỤC ĐÍCH, YÊU CẦU$/);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(title, doc.lineAt(title).text.length), ' VÀ NỘI DUNG');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await waitForDiagnostics(doc.uri, (x) => named(x).length === 0, 'the merged section no longer missing');
    assert.deepEqual([...withCode(after, 'missing-section'), ...withCode(after, 'section-title')], [], show(after));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('joined-paragraph: a report pasted from Word is flagged line by line; the quick fix inserts one blank line, source.fixAll separates every paragraph and marks the titles', async () => {
    const doc = await openReport('bao-cao', 'dan-tu-word.md');
    const original = doc.getText();
    const lines = original.split('\n').filter(Boolean);
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'joined-paragraph').length === lines.length - 1, `${lines.length - 1} joined-paragraph`);
    // Every line after the first runs into the one above; each is flagged on its first word.
    assert.deepEqual(withCode(ds, 'joined-paragraph').map((d) => at(d.range)), lines.slice(1).map((l, i) => at(new vscode.Range(i + 1, 0, i + 1, l.indexOf(' ')))), show(ds));
    // The titles are found although they are lines of one paragraph: the report is checked against its outline.
    assert.deepEqual(withCode(ds, 'heading-not-marked').map((d) => doc.getText(d.range)), lines.filter((l) => /^[IVX]+\. /.test(l)));
    assert.deepEqual(withCode(ds, 'missing-section'), [], show(ds));

    const prose = lineOf(doc, /^Tạo sân chơi/);
    const d = withCode(ds, 'joined-paragraph').find((x) => x.range.start.line === prose)!;
    await apply(await quickFix(doc, d, /^(Insert a blank line before it|Thêm dòng trống phía trước)$/));
    assert.equal(doc.getText(), original.replace('\nTạo sân chơi', '\n\nTạo sân chơi'), 'one blank line inserted, nothing else');
    await waitForDiagnostics(doc.uri, (x) => withCode(x, 'joined-paragraph').length === lines.length - 2, 'one joined-paragraph fewer');

    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const [fixAll] = await poll(async () => {
      const found = await actionsAt(doc.uri, whole, 'source.fixAll.decuong');
      return found.length ? found : undefined;
    }, 'source.fixAll.decuong');
    await apply(fixAll!);
    await waitForDiagnostics(doc.uri, (x) => withCode(x, 'joined-paragraph').length === 0 && withCode(x, 'heading-not-marked').length === 0, 'joined-paragraph and heading-not-marked to go away');
    // Paragraphs apart, titles marked, the text otherwise as pasted.
    assert.equal(doc.getText(), lines.map((l) => (/^[IVX]+\. /.test(l) ? `# ${l}` : l)).join('\n\n') + '\n');
  });

  it('placeholder: “.....”, “với.....lượt”, “(Địa danh)” and “__” are flagged on exactly their range; a sentence-ending “…)” is not', async () => {
    const doc = await openReport('bao-cao', 'cho-trong.md');
    const expected = [
      rangeOf(doc, /^Lắng nghe ý kiến/, '.....'),
      rangeOf(doc, /với\.\.\.\.\.lượt/, '.....'),
      rangeOf(doc, /^\(Địa danh\), ngày/, '(Địa danh)'),
      rangeOf(doc, /^Người lập kế hoạch: __ /, '__'),
    ];
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'placeholder').length >= expected.length, `${expected.length} placeholder diagnostics`);
    const blanks = withCode(ds, 'placeholder');
    assert.deepEqual(blanks.map((d) => at(d.range)).sort(), expected.map(at).sort(), `placeholder ranges:\n${show(blanks)}`);
    assert.deepEqual(blanks.map((d) => doc.getText(d.range)).sort(), ['.....', '.....', '(Địa danh)', '__'].sort());
    for (const d of blanks) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    // “… (Ban Thường trực duyệt, xem kế hoạch năm…)”: an ellipsis closing a sentence is not a blank.
    const ellipsis = rangeOf(doc, /năm…\)$/, '…)');
    const touches = (d: vscode.Diagnostic) => {
      const common = d.range.intersection(ellipsis);
      return common !== undefined && !common.isEmpty;
    };
    assert.deepEqual(ds.filter(touches), [], `nothing on “…)”:\n${show(ds)}`);
    // Nothing else is wrong with this report.
    assert.deepEqual(ds.filter((d) => String(d.code) !== 'placeholder'), [], show(ds));
  });

  it('placeholder: a blank in a paragraph indented with a tab (code to Markdown) is flagged; one in fenced code is not', async () => {
    const doc = await openReport('bao-cao', 'thut-dau-dong.md');
    const expected = rangeOf(doc, /^\tTổ chức hội nghị/, '.....');
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'placeholder').length >= 1, 'the blank of the indented paragraph');
    const blanks = withCode(ds, 'placeholder');
    assert.deepEqual(blanks.map((d) => at(d.range)), [at(expected)], `placeholder ranges:\n${show(blanks)}`);
    assert.equal(doc.getText(blanks[0]!.range), '.....');
  });

  it('indented-code: the paragraphs indented with a tab and four spaces are one code block, flagged on its first line; the fix removes only the indents', async () => {
    const doc = await openReport('bao-cao', 'thut-dau-dong.md');
    const original = doc.getText();
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'indented-code').length > 0, 'indented-code');
    const [d, ...rest] = withCode(ds, 'indented-code');
    assert.deepEqual(rest, [], show(ds));
    assert.equal(doc.getText(d!.range), 'Tổ chức hội nghị sơ kết tại ..... vào quý III năm 2022.');
    await apply(await quickFix(doc, d!, /^(Remove the indent|Bỏ thụt đầu dòng)$/));
    assert.equal(doc.getText(), original.replace('\tTổ chức', 'Tổ chức').replace('    Chủ trì', 'Chủ trì'), 'only the two indents removed');
    const after = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'indented-code').length === 0, 'indented-code to go away');
    // The blank is still found where it now is, and the fenced block is still code.
    assert.deepEqual(withCode(after, 'placeholder').map((x) => at(x.range)), [at(rangeOf(doc, /^Tổ chức hội nghị/, '.....'))], show(after));
  });
});
