import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { ROOT } from '../helpers.ts';

const require = createRequire(import.meta.url);
const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '../onig.wasm'));

async function grammar() {
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = scope === 'text.html.markdown' ? 'test/fixtures/grammar/markdown-stub.tmLanguage.json' : scope === 'decuong.markdown.injection' ? 'syntaxes/decuong-injection.tmLanguage.json' : undefined;
      return file ? vsctm.parseRawGrammar(readFileSync(join(ROOT, file), 'utf8'), join(ROOT, file)) : null;
    },
    getInjections: (scope: string) => (scope === 'text.html.markdown' ? ['decuong.markdown.injection'] : undefined),
  });
  return (await registry.loadGrammar('text.html.markdown'))!;
}

/** The text of every token that carries `scope` on a line. */
async function tokensWith(line: string, scope: string): Promise<string[]> {
  const g = await grammar();
  const { tokens } = g.tokenizeLine(line, vsctm.INITIAL);
  return tokens.filter((t) => t.scopes.some((s) => s.startsWith(scope))).map((t) => line.slice(t.startIndex, t.endIndex));
}

const PLACEHOLDER = 'invalid.illegal.placeholder.decuong';
const NUMBER = 'constant.numeric.section-number.decuong';

test('placeholders on lines from the seeds are scoped, ellipses that end a list are not', async () => {
  assert.deepEqual(await tokensWith('đã tiến hành kiểm tra với.....lượt ban công tác mặt trận', PLACEHOLDER), ['.....']);
  assert.deepEqual(await tokensWith('Tiến hành...cuộc giám sát với các nội dung.......và tổ chức...cuộc phản biện', PLACEHOLDER), ['...', '.......', '...']);
  assert.deepEqual(await tokensWith('(Địa danh), ngày __ tháng __ năm 2022', PLACEHOLDER), ['(Địa danh)', '__', '__']);
  assert.deepEqual(await tokensWith('…………..', PLACEHOLDER), ['…………..']);
  assert.deepEqual(await tokensWith('(có số liệu chứng minh…). Giá cả thị trường..., v.v...', PLACEHOLDER), []);
  assert.deepEqual(await tokensWith('Lệnh `a.....b` trong code', PLACEHOLDER), []);
});

test('section numbers after heading markers and on title lines typed without #', async () => {
  assert.deepEqual(await tokensWith('## III. TỔ CHỨC THỰC HIỆN', NUMBER), ['III.']);
  assert.deepEqual(await tokensWith('### 1.1. Công tác tuyên truyền', NUMBER), ['1.1.']);
  assert.deepEqual(await tokensWith('#### a) Kết quả', NUMBER), ['a)']);
  assert.deepEqual(await tokensWith('# Phần thứ nhất. KẾT QUẢ', NUMBER), ['Phần thứ nhất']);
  assert.deepEqual(await tokensWith('II. THỜI GIAN, PHƯƠNG THỨC TỔ CHỨC SƠ KẾT', NUMBER), ['II.']);
  assert.deepEqual(await tokensWith('Năm 2022 có 1.000 người', NUMBER), []);
  // "1. " opening a line is a Markdown list marker: left to the Markdown grammar.
  assert.deepEqual(await tokensWith('1. Công tác triển khai', NUMBER), []);
});

test('“Nơi nhận:” and signature lines', async () => {
  assert.deepEqual(await tokensWith('**Nơi nhận:**', 'keyword.other.recipients.decuong'), ['Nơi nhận']);
  assert.deepEqual(await tokensWith('TM. BAN THƯỜNG TRỰC', 'entity.name.type.signature.decuong'), ['TM. BAN THƯỜNG TRỰC']);
  assert.deepEqual(await tokensWith('**PHÓ CHỦ TỊCH**', 'entity.name.type.signature.decuong'), ['PHÓ CHỦ TỊCH']);
  assert.deepEqual(await tokensWith('Chủ tịch Ủy ban phát biểu', 'entity.name.type.signature.decuong'), []);
});
