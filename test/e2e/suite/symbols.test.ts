// Document symbols: the report's sections as a tree (Outline view, breadcrumbs, Go to Symbol).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openReport, poll } from './helpers';

type Sym = vscode.DocumentSymbol | vscode.SymbolInformation;
const isDocumentSymbol = (s: Sym): s is vscode.DocumentSymbol => 'children' in s && 'selectionRange' in s;
/** VS Code merges every provider's symbols; Markdown's own provider names them “## Title”. */
const fromDecuong = (s: vscode.DocumentSymbol) => !s.name.startsWith('#');

describe('document symbols', () => {
  it('executeDocumentSymbolProvider returns the sections as a tree', async () => {
    const doc = await openReport('bao-cao', 'ke-hoach-co-muc-con.md');
    const roots = await poll(async () => {
      const all = (await vscode.commands.executeCommand<Sym[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
      const mine = all.filter(isDocumentSymbol).filter(fromDecuong);
      return mine.length ? mine : undefined;
    }, 'decuong document symbols');

    const tree = roots.map((s) => ({ name: s.name, children: s.children.map((c) => c.name) }));
    assert.deepEqual(tree, [
      { name: 'I. MỤC ĐÍCH, YÊU CẦU', children: ['1. Mục đích', '2. Yêu cầu'] },
      { name: 'II. NỘI DUNG', children: ['1. Công tác tuyên truyền', '2. Kết quả tiêu dùng hàng Việt', '3. Hạn chế, nguyên nhân'] },
      { name: 'III. TỔ CHỨC THỰC HIỆN', children: [] },
    ]);

    const [first, second] = roots;
    assert.equal(first!.selectionRange.start.line, lineOf(doc, /^## I\. MỤC ĐÍCH/));
    assert.equal(first!.children[1]!.selectionRange.start.line, lineOf(doc, /^### 2\. Yêu cầu/));
    // A section's range runs from its heading to the next section of the same rank, children included.
    assert.ok(first!.range.contains(first!.children[1]!.range), 'the parent range contains its children');
    assert.ok(first!.range.end.line <= second!.range.start.line, 'sections do not overlap');
    assert.ok(second!.range.start.line > first!.children[1]!.range.start.line);
  });
});
