// Fixes as VS Code applies them: quick fixes at a diagnostic, the "insert missing sections" command,
// `source.fixAll.decuong`, and the `decuong.insert.guidance` setting. Every fixture here is used by
// one test only, so a test's edits never meet another test's expectations.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecuongApi } from '../../../client/src/api';
import { actionsAt, apply, EXTENSION_ID, lineOf, openReport, openUntitled, poll, quickFix, show, waitForDiagnostics, withCode } from './helpers';

/** The text edits of an action for one document. */
function editsOf(action: vscode.CodeAction, uri: vscode.Uri): vscode.TextEdit[] {
  assert.ok(action.edit, `“${action.title}” has no edit`);
  return action.edit.entries().filter(([u]) => u.toString() === uri.toString()).flatMap(([, edits]) => edits);
}


/** One `undo` in the document's editor; resolves once the text is `expected` again. */
async function undoOnceTo(doc: vscode.TextDocument, expected: string): Promise<void> {
  await vscode.window.showTextDocument(doc, { preview: false });
  assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the report is the active editor');
  await vscode.commands.executeCommand('undo');
  await poll(async () => (doc.getText() === expected ? true : undefined), 'one undo to restore the original text', 5_000).catch(() => {
    assert.equal(doc.getText(), expected, 'one undo restores the original text');
  });
}

const missingNamed = (title: string) => (ds: vscode.Diagnostic[]) => withCode(ds, 'missing-section').some((d) => d.message.includes(`“${title}”`));
const noneOf = (code: string) => (ds: vscode.Diagnostic[]) => withCode(ds, code).length === 0;
/** Is `original` what is left of `text` once some inserted characters are taken out (an insert-only edit)? */
function onlyInserted(original: string, text: string): boolean {
  let i = 0;
  for (const c of text) if (i < original.length && original[i] === c) i++;
  return i === original.length;
}
/** An untitled report with `content`: once its `missing` missing sections are reported, the insert-missing command run on it. */
async function insertMissingInto(content: string, missing: number): Promise<vscode.TextDocument> {
  const doc = await openUntitled(content);
  await waitForDiagnostics(doc.uri, (x) => withCode(x, 'missing-section').length === missing, `${missing} missing sections`);
  await vscode.commands.executeCommand('decuong.insertMissingSections');
  await poll(async () => (doc.getText() !== content ? true : undefined), 'the command to edit the report');
  return doc;
}
const headings = (doc: vscode.TextDocument) => doc.getText().split(/\r?\n/).filter((l) => /^#{1,6} /.test(l));

describe('fixes', () => {
  // Leave no edited document behind (the next test and the workbench's shutdown see clean files).
  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.path.includes('/bao-cao/'))) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('missing-section: the quick fix at the diagnostic inserts the heading, numbered, where it belongs; one undo restores the text', async () => {
    const doc = await openReport('bao-cao', 'sua-thieu-muc.md');
    const original = doc.getText();
    const ds = await waitForDiagnostics(doc.uri, missingNamed('II. NỘI DUNG'), 'missing-section “II. NỘI DUNG”');
    const missing = withCode(ds, 'missing-section');
    assert.equal(missing.length, 1, show(ds));
    const d = missing[0]!;
    assert.equal(d.range.start.line, lineOf(doc, /^## I\. MỤC ĐÍCH, YÊU CẦU$/));
    // The new section goes where the report's “II. TỔ CHỨC THỰC HIỆN” starts now, which shifts to “III.”.
    const at = lineOf(doc, /^## II\. TỔ CHỨC THỰC HIỆN$/);

    const fix = await quickFix(doc, d, /^(Insert section|Chèn mục) “II\. NỘI DUNG”$/);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true, 'the insertion is the preferred fix');
    await apply(fix);

    assert.equal(doc.lineAt(at).text, '## II. NỘI DUNG', `inserted heading on line ${at + 1}:\n${doc.getText()}`);
    assert.equal(doc.lineAt(at + 1).text, '', 'a blank line after the new heading');
    assert.deepEqual(headings(doc), [
      '# KẾ HOẠCH TỔ CHỨC HỘI THI “TỔ TỰ QUẢN AN TOÀN, VĂN MINH” NĂM 2024',
      '## I. MỤC ĐÍCH, YÊU CẦU',
      '## II. NỘI DUNG',
      '## III. TỔ CHỨC THỰC HIỆN',
    ]);
    // Everything before the insertion point is untouched.
    const head = original.split('\n').slice(0, at).join('\n');
    assert.ok(doc.getText().startsWith(head), 'text before the insertion is unchanged');

    const after = await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'missing-section to go away');
    assert.deepEqual(withCode(after, 'numbering'), [], `the shifted sibling was renumbered:\n${show(after)}`);

    await undoOnceTo(doc, original);
    const back = await waitForDiagnostics(doc.uri, missingNamed('II. NỘI DUNG'), 'missing-section to come back after undo');
    assert.equal(withCode(back, 'missing-section')[0]!.range.start.line, lineOf(doc, /^## I\. MỤC ĐÍCH, YÊU CẦU$/));
    assert.equal(doc.isDirty, false, 'undo back to the saved text leaves the document clean');
  });

  it('two sections missing after one heading: each diagnostic offers its own section; fix all of the kind inserts both, numbered in turn, in one undo', async () => {
    const doc = await openReport('bao-cao', 'thieu-hai-muc.md');
    const original = doc.getText();
    const ds = await waitForDiagnostics(doc.uri, (all) => withCode(all, 'missing-section').length === 2, 'two missing sections');
    const missing = withCode(ds, 'missing-section');
    assert.deepEqual(missing[0]!.range, missing[1]!.range, 'both on the same heading');
    for (const d of missing) {
      // Its title's words; the fix names the number it inserts (“II.”, as this fix alone inserts it).
      const wanted = /“([^”]+)”/.exec(d.message)![1]!.replace(/^\S+\s/, '');
      const own = await quickFix(doc, d, new RegExp(`^(Insert section|Chèn mục) “II\\. ${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`));
      assert.equal(own.isPreferred, true, wanted);
    }
    const all = (await actionsAt(doc.uri, missing[1]!.range, vscode.CodeActionKind.QuickFix.value)).find((a) => /^(Fix all in the file|Sửa tất cả các chỗ cùng loại trong tệp)/.test(a.title));
    assert.ok(all, 'fix all of the kind is offered');
    await apply(all);
    assert.deepEqual(headings(doc), ['# KẾ HOẠCH TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT', '## I. MỤC ĐÍCH, YÊU CẦU', '## II. NỘI DUNG', '## III. TỔ CHỨC THỰC HIỆN']);
    assert.ok(onlyInserted(original, doc.getText()), 'only inserted');
    await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'no missing section left');
    await undoOnceTo(doc, original);
  });

  it('unknown-template: “Use “ke-hoach”” replaces the mistyped id in the front matter, and the report is checked against it', async () => {
    const content = '---\ndecuong: ke-hoac\n---\n# KẾ HOẠCH\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n';
    const doc = await openUntitled(content);
    const ds = await waitForDiagnostics(doc.uri, (all) => withCode(all, 'unknown-template').length === 1, 'unknown-template for ke-hoac');
    const use = await quickFix(doc, withCode(ds, 'unknown-template')[0]!, /^(Use|Dùng mẫu) “ke-hoach”$/);
    assert.notEqual(use.isPreferred, true, 'the author chooses: not preferred');
    await apply(use);
    assert.equal(doc.lineAt(1).text, 'decuong: ke-hoach');
    await waitForDiagnostics(doc.uri, (all) => withCode(all, 'unknown-template').length === 0 && withCode(all, 'missing-section').length > 0, 'the plan outline’s findings');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a report of its own whose title names a built-in outline: not checked against it, told why (report info too); “Check against …” names it in a new front matter', async () => {
    const api = vscode.extensions.getExtension<DecuongApi>(EXTENSION_ID)?.exports;
    assert.ok(api, 'the extension API');
    const content = '# BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025\n\n**Hội Liên hiệp Phụ nữ xã Tân Hòa**\n\n## I. CÔNG TÁC TUYÊN TRUYỀN HỘI VIÊN\n\nA.\n\n## II. CÔNG TÁC HỖ TRỢ PHỤ NỮ PHÁT TRIỂN KINH TẾ\n\nB.\n\n## III. CÔNG TÁC XÂY DỰNG TỔ CHỨC HỘI\n\nC.\n\n## IV. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM\n\nD.\n';
    const doc = await openUntitled(content);
    const ds = await waitForDiagnostics(doc.uri, (all) => withCode(all, 'no-template').length === 1, 'no-template on a report of its own');
    assert.deepEqual(ds.filter((d) => d.source === 'decuong').map((d) => d.code), ['no-template'], show(ds));
    const d = withCode(ds, 'no-template')[0]!;
    assert.match(d.message, /bao-cao-6-thang-cong-tac-mat-tran/);
    assert.match(d.message, /0\/27|0 of the outline's 27/);
    const info = await poll(async () => api.reportInfo(doc.uri)?.doubted, 'the doubted outline in the report info');
    assert.equal(info.id, 'bao-cao-6-thang-cong-tac-mat-tran');
    assert.equal(api.reportInfo(doc.uri)?.template, undefined);
    const fix = await quickFix(doc, d, /^(Check against|Đối chiếu với đề cương) “bao-cao-6-thang-cong-tac-mat-tran”/);
    assert.notEqual(fix.isPreferred, true, 'the author chooses: not preferred');
    await apply(fix);
    assert.deepEqual([0, 1, 2].map((i) => doc.lineAt(i).text), ['---', 'decuong: bao-cao-6-thang-cong-tac-mat-tran', '---']);
    assert.ok(doc.getText().endsWith(content), 'the report itself as it was');
    await waitForDiagnostics(doc.uri, (all) => withCode(all, 'no-template').length === 0 && withCode(all, 'missing-section').length > 0, 'the outline’s findings once named');
    await poll(async () => (api.reportInfo(doc.uri)?.template?.id === 'bao-cao-6-thang-cong-tac-mat-tran' && !api.reportInfo(doc.uri)?.doubted ? true : undefined), 'the report info to name the outline');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('missing-section with a section in its place, numbered alike: the message and the related information name it; “Rename” is offered after “Insert”', async () => {
    const doc = await openReport('bao-cao', 'doi-ten-muc.md');
    const ds = await waitForDiagnostics(doc.uri, missingNamed('II. NỘI DUNG'), 'missing-section “II. NỘI DUNG”');
    const d = withCode(ds, 'missing-section')[0]!;
    assert.match(d.message, /(Ở đúng vị trí này đang có mục )?“II\. CÁC HOẠT ĐỘNG TRONG NGÀY HỘI”( stands in its place| cùng số thứ tự)/);
    const line = lineOf(doc, /^## II\. CÁC HOẠT ĐỘNG TRONG NGÀY HỘI$/);
    assert.equal(d.relatedInformation?.[0]?.location.range.start.line, line, 'the related information points at the heading in its place');
    const renameFix = await quickFix(doc, d, /^(Rename|Đổi tên) “II\. CÁC HOẠT ĐỘNG TRONG NGÀY HỘI” (to|thành) “II\. NỘI DUNG”$/);
    assert.notEqual(renameFix.isPreferred, true, 'the insertion stays the preferred fix');
    const titles = (await actionsAt(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)).map((a) => a.title);
    const insert = titles.findIndex((t) => /^(Insert section|Chèn mục) “II\. NỘI DUNG”$/.test(t));
    assert.ok(insert >= 0 && titles.indexOf(renameFix.title) > insert, titles.join('\n'));
    await apply(renameFix);
    assert.equal(doc.lineAt(line).text, '## II. NỘI DUNG');
    await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'missing-section to go away after the rename');
  });

  it('section-title: the quick fix replaces only the title text, keeping marker and number', async () => {
    const doc = await openReport('bao-cao', 'sua-ten-muc.md');
    const original = doc.getText();
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'section-title').length > 0, 'section-title');
    const titles = withCode(ds, 'section-title');
    assert.equal(titles.length, 1, show(ds));
    const d = titles[0]!;
    const line = lineOf(doc, /^## I\. MỤC TIÊU, YÊU CẦU$/);
    assert.equal(d.range.start.line, line);
    assert.equal(doc.getText(d.range), 'I. MỤC TIÊU, YÊU CẦU');

    const fix = await quickFix(doc, d, /^(Use the outline's title|Dùng tên mục của đề cương): “MỤC ĐÍCH, YÊU CẦU”$/);
    const edits = editsOf(fix, doc.uri);
    assert.equal(edits.length, 1, 'one edit');
    const start = doc.lineAt(line).text.indexOf('MỤC');
    assert.ok(edits[0]!.range.isEqual(new vscode.Range(line, start, line, doc.lineAt(line).text.length)), `the edit covers the title only: ${JSON.stringify(edits[0]!.range)}`);
    assert.equal(edits[0]!.newText, 'MỤC ĐÍCH, YÊU CẦU');
    await apply(fix);

    assert.equal(doc.getText(), original.replace('## I. MỤC TIÊU, YÊU CẦU\n', '## I. MỤC ĐÍCH, YÊU CẦU\n'), 'only the title text changed');
    const after = await waitForDiagnostics(doc.uri, noneOf('section-title'), 'section-title to go away');
    assert.deepEqual(withCode(after, 'missing-section'), [], show(after));
  });

  it('a section renamed over the outline’s subsections is a near title, not missing: its fix restores the outline’s title', async () => {
    const doc = await openReport('bao-cao', 'doi-ten-muc-co-muc-con.md');
    const line = lineOf(doc, /^## III\. NHỮNG VẤN ĐỀ KHÁC$/);
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'section-title').length > 0, 'section-title on the renamed section');
    assert.deepEqual(withCode(ds, 'missing-section'), [], show(ds));
    const d = withCode(ds, 'section-title').find((x) => x.range.start.line === line);
    assert.ok(d, show(ds));
    await apply(await quickFix(doc, d, /^(Use the outline's title|Dùng tên mục của đề cương): “ĐÁNH GIÁ, NHẬN XÉT”$/));
    assert.equal(doc.lineAt(line).text, '## III. ĐÁNH GIÁ, NHẬN XÉT');
    await waitForDiagnostics(doc.uri, (x) => x.filter((y) => y.source === 'decuong').length === 0, 'no findings once renamed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a report begun with its title alone: decuong.insertMissingSections puts the sections below the title, numbered', async () => {
    const doc = await insertMissingInto('# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ\n\nNội dung mở đầu.\n', 3);
    assert.deepEqual(headings(doc), ['# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ', '## I. MỤC ĐÍCH, YÊU CẦU', '## II. NỘI DUNG', '## III. TỔ CHỨC THỰC HIỆN'], doc.getText());
    await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'no missing section left');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('decuong.insertMissingSections leaves out a missing section whose number a section in its place has; its Insert and Rename fixes are for the author to choose', async () => {
    const content = '# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung mở đầu.\n\n## II. CÁC HOẠT ĐỘNG CHÍNH\n\nHội nghị gồm ba phần.\n';
    const doc = await insertMissingInto(content, 2);
    // The missing V. goes after the report's II., numbered on from it; no second “II.”.
    assert.deepEqual(headings(doc), ['# KẾ HOẠCH TỔ CHỨC HỘI NGHỊ', '## I. MỤC ĐÍCH, YÊU CẦU', '## II. CÁC HOẠT ĐỘNG CHÍNH', '## III. TỔ CHỨC THỰC HIỆN'], doc.getText());
    assert.ok(onlyInserted(content, doc.getText()), doc.getText());
    const left = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'missing-section').length === 1 && missingNamed('II. NỘI DUNG')(x), 'the one in place left');
    const d = withCode(left, 'missing-section')[0]!;
    const insert = await quickFix(doc, d, /^(Insert section|Chèn mục) “II\. NỘI DUNG”$/);
    const rename = await quickFix(doc, d, /^(Rename|Đổi tên) “II\. CÁC HOẠT ĐỘNG CHÍNH”/);
    assert.equal(Boolean(insert.isPreferred) || Boolean(rename.isPreferred), false, 'neither is preferred');
    await apply(rename);
    await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'no missing section once renamed');
    assert.deepEqual(headings(doc).slice(2, 3), ['## II. NỘI DUNG']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a plan titled “KẾ HOẠCH” over a long subject line is checked; a blank date is flagged; the missing last section goes in before “Nơi nhận” and the signature', async () => {
    const content = [
      'KẾ HOẠCH',
      'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư trên địa bàn xã Tân Phú năm 2025',
      '',
      '## I. MỤC ĐÍCH, YÊU CẦU',
      '',
      'Phát huy truyền thống đại đoàn kết.',
      '',
      '## II. NỘI DUNG',
      '',
      'Tổ chức ngày .../.../2025 tại các khu dân cư.',
      '',
      'Nơi nhận:',
      '- Lưu: VT.',
      '',
      'TM. BAN THƯỜNG TRỰC',
      '',
      'CHỦ TỊCH',
      '',
    ].join('\n');
    const doc = await openUntitled(content);
    const ds = await waitForDiagnostics(doc.uri, (x) => missingNamed('V. TỔ CHỨC THỰC HIỆN')(x) && withCode(x, 'placeholder').length === 1, 'the outline chosen by the subject line, and the blank date');
    assert.equal(doc.getText(withCode(ds, 'placeholder')[0]!.range), '.../.../2025');
    const d = withCode(ds, 'missing-section').find((x) => x.message.includes('TỔ CHỨC THỰC HIỆN'))!;
    await apply(await quickFix(doc, d, /^(Insert section|Chèn mục) “III\. TỔ CHỨC THỰC HIỆN”$/));
    await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'no missing section');
    const text = doc.getText();
    assert.ok(text.indexOf('## III. TỔ CHỨC THỰC HIỆN') < text.indexOf('Nơi nhận:'), text);
    assert.ok(onlyInserted(content, text), text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the command decuong.insertMissingSections inserts every missing section in one edit; one undo reverts it', async () => {
    const doc = await openReport('bao-cao', 'chen-tat-ca.md');
    const original = doc.getText();
    const before = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'missing-section').length === 2, 'two missing-section diagnostics');
    assert.ok(missingNamed('II. NỘI DUNG')(before) && missingNamed('V. TỔ CHỨC THỰC HIỆN')(before), show(before));

    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the report is the active editor');
    await vscode.commands.executeCommand('decuong.insertMissingSections');
    await poll(async () => (doc.getText() !== original ? true : undefined), 'the command to edit the report');

    const after = await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'every missing-section to go away');
    assert.deepEqual(headings(doc), [
      '# KẾ HOẠCH TỔ CHỨC LỄ RA MẮT TỔ HÒA GIẢI ẤP TÂN HÒA',
      '## I. MỤC ĐÍCH, YÊU CẦU',
      '## II. NỘI DUNG',
      '## III. THỜI GIAN, HÌNH THỨC TỔ CHỨC (nếu có)',
      '## IV. TỔ CHỨC THỰC HIỆN',
    ], doc.getText());
    assert.ok(onlyInserted(original, doc.getText()), `the command only inserts:\n${doc.getText()}`);
    // The report's “III.” came before “I.” with nothing between; with “II.” inserted, the run is whole.
    assert.deepEqual(withCode(after, 'numbering'), [], show(after));
    // Guidance is on by default: each inserted section carries the outline's hint as a comment.
    assert.equal((doc.getText().match(/<!-- /g) ?? []).length, 2, doc.getText());

    await undoOnceTo(doc, original);
    await waitForDiagnostics(doc.uri, (x) => withCode(x, 'missing-section').length === 2, 'both missing-section diagnostics to come back after undo');
    assert.equal(doc.isDirty, false);
  });

  it('the command decuong.fixReport fixes a report pasted from Word in one edit (blank lines, headings); one undo reverts it', async () => {
    const doc = await openReport('bao-cao', 'sua-dan-tu-word.md');
    const original = doc.getText();
    await waitForDiagnostics(doc.uri, (x) => withCode(x, 'joined-paragraph').length > 0 && withCode(x, 'heading-not-marked').length > 0, 'joined-paragraph and heading-not-marked');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the report is the active editor');
    await vscode.commands.executeCommand('decuong.fixReport');
    await poll(async () => (doc.getText() !== original ? true : undefined), 'the command to edit the report');
    await waitForDiagnostics(doc.uri, (x) => noneOf('joined-paragraph')(x) && noneOf('heading-not-marked')(x), 'joined-paragraph and heading-not-marked to go away');
    const lines = original.split('\n').filter(Boolean);
    assert.equal(doc.getText(), lines.map((l) => (/^[IVX]+\. /.test(l) ? `# ${l}` : l)).join('\n\n') + '\n');
    assert.ok(onlyInserted(original, doc.getText()));
    await undoOnceTo(doc, original);
  });

  it('decuong.fixReport on a report pasted with a tab before each paragraph: titles marked, tabs taken away (which fix-all leaves), one undo', async () => {
    const doc = await openReport('bao-cao', 'dan-tu-word-tab.md');
    const original = doc.getText();
    await waitForDiagnostics(doc.uri, (x) => withCode(x, 'heading-not-marked').length === 3, 'three heading-not-marked');
    await vscode.commands.executeCommand('decuong.fixReport');
    await poll(async () => (doc.getText() !== original ? true : undefined), 'the command to edit the report');
    const after = await waitForDiagnostics(doc.uri, (x) => ['joined-paragraph', 'heading-not-marked', 'indented-code'].every((c) => noneOf(c)(x)), 'joined-paragraph, heading-not-marked and indented-code to go away');
    assert.deepEqual(withCode(after, 'missing-section'), [], show(after));
    // A blank line before each title that followed a sentence; each tabbed line, joined to the title
    // above as Word pasted it, gets its own blank line and loses its tab.
    assert.equal(doc.getText(), original.replace('\nI. MỤC', '\n\n# I. MỤC').replace('\nII. NỘI', '\n\n# II. NỘI').replace('\nV. TỔ', '\n\n# V. TỔ').replace(/\n\t/g, '\n\n'));
    await undoOnceTo(doc, original);
  });

  it('source.fixAll.decuong is one action whose edit marks the unmarked title and inserts the missing sections whose number is free; the other is left to its quick fix, which renumbers', async () => {
    const doc = await openReport('bao-cao', 'sua-tat-ca.md');
    const original = doc.getText();
    const before = await waitForDiagnostics(
      doc.uri,
      (x) => withCode(x, 'missing-section').length === 2 && withCode(x, 'heading-not-marked').length === 1,
      'two missing-section and one heading-not-marked',
    );
    assert.equal(withCode(before, 'heading-not-marked')[0]!.range.start.line, lineOf(doc, /^II\. THỜI GIAN, HÌNH THỨC TỔ CHỨC/));

    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await poll(async () => {
      const found = await actionsAt(doc.uri, whole, 'source.fixAll.decuong');
      return found.length ? found : undefined;
    }, 'source.fixAll.decuong actions');
    assert.equal(actions.length, 1, `one fix-all action: ${actions.map((a) => a.title).join(' | ')}`);
    const fixAll = actions[0]!;
    assert.equal(fixAll.kind?.value, 'source.fixAll.decuong');
    assert.match(fixAll.title, /^(Fix the report: add blank lines between paragraphs, mark headings, insert missing sections|Sửa báo cáo: thêm dòng trống giữa các đoạn, đánh dấu tiêu đề, chèn mục còn thiếu)$/);
    await apply(fixAll);

    // “II. NỘI DUNG” would repeat the author's “II.”: fix-all (insert-only) leaves it to its quick fix.
    const after = await waitForDiagnostics(doc.uri, (x) => noneOf('heading-not-marked')(x) && withCode(x, 'missing-section').length === 1 && missingNamed('II. NỘI DUNG')(x), 'heading-not-marked gone, “II. NỘI DUNG” left');
    // Insert-only: the author's text, numbers included, is all still there.
    assert.ok(onlyInserted(original, doc.getText()), `fix-all only inserts:\n${doc.getText()}`);
    assert.deepEqual(headings(doc), [
      '# KẾ HOẠCH TỔ CHỨC NGÀY HỘI HIẾN MÁU TÌNH NGUYỆN NĂM 2024',
      '## I. MỤC ĐÍCH, YÊU CẦU',
      // Marked as a heading, its number left as the author wrote it.
      '## II. THỜI GIAN, HÌNH THỨC TỔ CHỨC (nếu có)',
      '## III. TỔ CHỨC THỰC HIỆN',
    ], doc.getText());
    assert.deepEqual(after.filter((x) => ['section-order', 'section-level', 'section-title', 'numbering'].includes(String(x.code))), [], show(after));
    // Its quick fix inserts it and renumbers the sections after it.
    const fix = await quickFix(doc, withCode(after, 'missing-section')[0]!, /^(Insert section|Chèn mục) “II\. NỘI DUNG”$/);
    assert.equal(fix.isPreferred, true);
    await apply(fix);
    await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'no missing section');
    assert.deepEqual(headings(doc).slice(1), ['## I. MỤC ĐÍCH, YÊU CẦU', '## II. NỘI DUNG', '## III. THỜI GIAN, HÌNH THỨC TỔ CHỨC (nếu có)', '## IV. TỔ CHỨC THỰC HIỆN'], doc.getText());
  });

  describe('decuong.insert.guidance', () => {
    const config = () => vscode.workspace.getConfiguration('decuong');
    after(async () => {
      if (config().inspect('insert.guidance')?.workspaceValue !== undefined) await config().update('insert.guidance', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('= false (workspace) makes the inserted section come without the guidance comment, without a reload', async () => {
      const doc = await openReport('bao-cao', 'khong-huong-dan.md');
      const original = doc.getText();
      const ds = await waitForDiagnostics(doc.uri, missingNamed('II. NỘI DUNG'), 'missing-section “II. NỘI DUNG”');
      const d = withCode(ds, 'missing-section')[0]!;
      const title = /^(Insert section|Chèn mục) “II\. NỘI DUNG”$/;
      const inserted = (a: vscode.CodeAction) => editsOf(a, doc.uri).map((e) => e.newText).join('');

      // By default the fix carries the outline's guidance.
      const withGuidance = await quickFix(doc, d, title);
      assert.match(inserted(withGuidance), /<!-- Những nội dung cần đánh giá/, inserted(withGuidance));

      await config().update('insert.guidance', false, vscode.ConfigurationTarget.Workspace);
      assert.equal(config().inspect('insert.guidance')?.workspaceValue, false);
      // The server re-reads its settings on the change: poll until the offered fix follows it.
      const fix = await quickFix(doc, d, title, (a) => !inserted(a).includes('<!--'));
      await apply(fix);

      assert.equal(
        doc.getText(),
        original.replace('## II. TỔ CHỨC THỰC HIỆN\n', '## II. NỘI DUNG\n\n## III. TỔ CHỨC THỰC HIỆN\n'),
        'the section is inserted bare',
      );
      await waitForDiagnostics(doc.uri, noneOf('missing-section'), 'missing-section to go away');
    });
  });

  it('numbering: a lone subsection numbered as its parent’s next sibling is told as a level slip; its quick fix moves the heading up, one undo restores it', async () => {
    const content = '# KẾ HOẠCH GIÁM SÁT NĂM 2025\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nGiám sát.\n\n## II. NỘI DUNG\n\n### 1. Đối tượng giám sát\n\nỦy ban nhân dân xã.\n\n### 2. Nội dung giám sát\n\nHỗ trợ nhà ở.\n\n#### 3. Phương thức giám sát\n\nGiám sát trực tiếp.\n\n## III. TỔ CHỨC THỰC HIỆN\n\nBan Thường trực chủ trì.\n';
    const doc = await openUntitled(content);
    const ds = await waitForDiagnostics(doc.uri, (x) => withCode(x, 'numbering').length === 1, 'the numbering finding');
    const d = withCode(ds, 'numbering')[0]!;
    assert.equal(d.range.start.line, lineOf(doc, /^#### 3\. Phương thức giám sát$/));
    assert.match(d.message, /(“####” heading “###”|“####” thành “###”)/);
    const fix = await quickFix(doc, d, /^(Move “3\.” up to the level of “2\.”|Đưa “3\.” lên cùng cấp với “2\.”)/);
    await apply(fix);
    assert.equal(doc.getText(), content.replace('#### 3.', '### 3.'));
    await waitForDiagnostics(doc.uri, noneOf('numbering'), 'the numbering finding to go away');
    await undoOnceTo(doc, content);
  });
});
