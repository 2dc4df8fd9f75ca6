// Generates snippets/decuong.code-snippets: one skeleton per built-in outline (the same text as the
// command "New report from an outline", from core/skeleton.ts) plus the standard blocks of an
// administrative document; and the blank patterns of syntaxes/decuong-injection.tmLanguage.json
// from core/placeholders.ts, so that the colouring and the `placeholder` check find the same blanks.
// Run with tsx (`npm run snippets`); `--check` fails when either is out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistry } from '../server/src/core/index.ts';
import { skeleton } from '../server/src/core/skeleton.ts';
import { DEFAULT_PLACEHOLDERS } from '../server/src/core/placeholders.ts';

const root = join(import.meta.dirname, '..');
const templatesDir = join(root, 'server/templates');
const out = join(root, 'snippets/decuong.code-snippets');
const grammarFile = join(root, 'syntaxes/decuong-injection.tmLanguage.json');

const escape = (s) => s.replace(/[$}\\]/g, (c) => `\\${c}`);

const sources = readdirSync(templatesDir).filter((f) => f.endsWith('.md')).sort()
  .map((f) => ({ path: f, text: readFileSync(join(templatesDir, f), 'utf8'), builtin: true }));
const registry = createRegistry(sources);

function templateSnippet(template) {
  // Tab stops: the title, then the body of each section (after its guidance), in order.
  const text = escape(skeleton(template, { guidance: true, body: () => '\u0000' }));
  let stop = 1;
  const body = text
    .replace(/^# (.*)$/m, (_, title) => `# \${${stop++}:${title}}`)
    .replace(/\u0000/g, () => `\${${stop++}}`)
    .split('\n');
  return [`Đề cương: ${template.id}`, {
    prefix: [`dc-${template.id}`, `decuong-${template.id}`],
    // The title only: where the outline was taken from and editorial notes are no help in the popup.
    description: template.title,
    body,
  }];
}

const adminBlocks = {
  'Quốc hiệu, tiêu ngữ': {
    prefix: ['dc-quoc-hieu', 'dc-tieu-ngu'],
    description: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc (Nghị định 30/2020/NĐ-CP)',
    body: ['**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '**Độc lập - Tự do - Hạnh phúc**', ''],
  },
  // Nghị định 30/2020, Phụ lục I: a 0 before days under 10 and months 1 and 2 only (“ngày 05
  // tháng 3”, “tháng 02”): $CURRENT_MONTH's 03…09 lose theirs. A công văn has no type abbreviation.
  'Số, ký hiệu và ngày tháng': {
    prefix: ['dc-so-ngay', 'dc-so-ky-hieu'],
    description: 'Số: …/KH-MTTQ-BTT — …, ngày … tháng … năm …',
    body: ['Số: ${1:01}/${2|KH,BC,TB,QĐ|}-${3:MTTQ-BTT}', '', '*${4:Địa danh}, ngày ${5:$CURRENT_DATE} tháng ${6:${CURRENT_MONTH/^0([3-9])$/$1/}} năm ${7:$CURRENT_YEAR}*', ''],
  },
  'Số, ký hiệu công văn và ngày tháng': {
    prefix: ['dc-so-cong-van'],
    description: 'Số: …/MTTQ-BTT (công văn: không có chữ viết tắt tên loại) — …, ngày … tháng … năm …',
    body: ['Số: ${1:01}/${2:MTTQ-BTT}', '', '*${3:Địa danh}, ngày ${4:$CURRENT_DATE} tháng ${5:${CURRENT_MONTH/^0([3-9])$/$1/}} năm ${6:$CURRENT_YEAR}*', ''],
  },
  'Nơi nhận': {
    prefix: ['dc-noi-nhan'],
    description: 'Khối “Nơi nhận” cuối văn bản hành chính',
    body: ['**Nơi nhận:**', '', '- ${1:BTT UBMTTQ cấp trên};', '- ${2:Thường trực Đảng ủy};', '- ${3:Các tổ chức thành viên};', '- Lưu: VT.', ''],
  },
  'Chữ ký: TM. Ban Thường trực': {
    prefix: ['dc-chu-ky', 'dc-tm-btt'],
    description: 'TM. BAN THƯỜNG TRỰC — chức vụ — họ tên người ký',
    body: ['**TM. BAN THƯỜNG TRỰC**', '**${1|CHỦ TỊCH,PHÓ CHỦ TỊCH|}**', '', '', '**${2:Họ và tên}**', ''],
  },
  'Tự đánh giá, xếp loại': {
    prefix: ['dc-xep-loai', 'dc-tu-danh-gia'],
    description: 'Ô chọn mức xếp loại: Hoàn thành xuất sắc / Hoàn thành tốt / Hoàn thành / Không hoàn thành nhiệm vụ',
    body: ['${1:Tự đánh giá, xếp loại}:', '', '- [${2: }] Hoàn thành xuất sắc nhiệm vụ', '- [${3: }] Hoàn thành tốt nhiệm vụ', '- [${4: }] Hoàn thành nhiệm vụ', '- [${5: }] Không hoàn thành nhiệm vụ', ''],
  },
  'Bảng phụ lục số liệu': {
    prefix: ['dc-phu-luc', 'dc-bang'],
    description: 'Bảng phụ lục số liệu (TT, Nội dung, Đơn vị tính, Kết quả, Ghi chú)',
    body: ['**PHỤ LỤC ${1:SỐ LIỆU}**', '', '| TT | Nội dung | Đơn vị tính | Kết quả | Ghi chú |', '|---|---|---|---|---|', '| 1 | ${2} | ${3} | ${4} | ${5} |', ''],
  },
};

const snippets = Object.fromEntries([...[...registry.templates.values()].map(templateSnippet), ...Object.entries(adminBlocks)]);
const json = JSON.stringify(snippets, null, 2) + '\n';

// The grammar's placeholder rules: one per kind, the core's expression as Oniguruma reads it (the
// same syntax for what these use; a case-insensitive one wrapped in `(?i:…)`), one line each.
const grammarText = readFileSync(grammarFile, 'utf8');
const rules = DEFAULT_PLACEHOLDERS.map(({ pattern }) => {
  const match = pattern.flags.includes('i') ? `(?i:${pattern.source})` : pattern.source;
  return `        { "match": ${JSON.stringify(match)}, "name": "invalid.illegal.placeholder.decuong" }`;
});
const PLACEHOLDER_RULES = /("placeholder": \{\n[^\n]*\n\s*"patterns": \[\n)[\s\S]*?(\n\s*\])/;
if (!PLACEHOLDER_RULES.test(grammarText)) throw new Error(`no placeholder rules found in ${grammarFile}`);
const grammar = grammarText.replace(PLACEHOLDER_RULES, (_, open, close) => `${open}${rules.join(',\n')}${close}`);
JSON.parse(grammar);

if (process.argv.includes('--check')) {
  let stale = false;
  if (readFileSync(out, 'utf8') !== json) {
    console.error('snippets/decuong.code-snippets is out of date: run `npm run snippets`.');
    stale = true;
  }
  if (grammarText !== grammar) {
    console.error('the placeholder rules of syntaxes/decuong-injection.tmLanguage.json differ from server/src/core/placeholders.ts: run `npm run snippets`.');
    stale = true;
  }
  if (stale) process.exit(1);
} else {
  writeFileSync(out, json);
  writeFileSync(grammarFile, grammar);
}
