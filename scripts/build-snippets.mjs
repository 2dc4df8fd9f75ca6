// Generates snippets/decuong.code-snippets from the built-in templates (server/templates/*.md) plus
// the standard blocks of an administrative document. `--check` fails when the file is out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const templatesDir = join(root, 'server/templates');
const out = join(root, 'snippets/decuong.code-snippets');

const escape = (s) => s.replace(/[$}\\]/g, (c) => `\\${c}`);

function readTemplate(file) {
  const text = readFileSync(join(templatesDir, file), 'utf8').replace(/\r\n?/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const meta = fm ? parse(fm[1]) : {};
  const headings = (fm ? text.slice(fm[0].length) : text).split('\n').filter((l) => /^#{1,6}\s/.test(l));
  return { meta, headings };
}

function templateSnippet(file) {
  const { meta, headings: own } = readTemplate(file);
  const id = meta.id ?? file.replace(/\.md$/, '');
  // A template that extends another without headings of its own has its parent's sections.
  const inherited = !own.length && meta.extends ? readTemplate(`${meta.extends}.md`).headings : own;
  // The report's title takes `#`, so the outline's sections go one level down.
  const headings = inherited.map((l) => `#${escape(l)}`);
  let stop = 2;
  const body = ['---', `decuong: ${id}`, '---', `# \${1:${escape(String(meta.title ?? id).toUpperCase())}}`, ''];
  for (const h of headings) body.push(h, '', `\${${stop++}}`, '');
  return [`Đề cương: ${id}`, { prefix: ['decuong', `decuong-${id}`], description: `${meta.title ?? id}${meta.source ? ` — ${meta.source}` : ''}`, body }];
}

const adminBlocks = {
  'Quốc hiệu, tiêu ngữ': {
    prefix: ['quoc-hieu', 'decuong-quoc-hieu'],
    description: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc (Nghị định 30/2020/NĐ-CP)',
    body: ['**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '**Độc lập - Tự do - Hạnh phúc**', '', '*${1:Địa danh}, ngày ${2:$CURRENT_DATE} tháng ${3:$CURRENT_MONTH} năm ${4:$CURRENT_YEAR}*', ''],
  },
  'Số, ký hiệu văn bản': {
    prefix: ['so-ky-hieu', 'decuong-so-ky-hieu'],
    description: 'Số: …/BC-MTTQ-BTT',
    body: ['Số: ${1:01}/${2|BC,KH,TB,CV|}-${3:MTTQ-BTT}', ''],
  },
  'Nơi nhận': {
    prefix: ['noi-nhan', 'decuong-noi-nhan'],
    description: 'Khối “Nơi nhận” cuối văn bản hành chính',
    body: ['**Nơi nhận:**', '', '- ${1:BTT UBMTTQ cấp trên};', '- ${2:Thường trực Đảng ủy};', '- Lưu: VT.', ''],
  },
  'Chữ ký: TM. Ban Thường trực': {
    prefix: ['chu-ky', 'decuong-chu-ky'],
    description: 'TM. BAN THƯỜNG TRỰC — chức vụ — họ tên người ký',
    body: ['**TM. BAN THƯỜNG TRỰC**', '**${1|CHỦ TỊCH,PHÓ CHỦ TỊCH|}**', '', '', '**${2:Họ và tên}**', ''],
  },
};

const snippets = Object.fromEntries([
  ...readdirSync(templatesDir).filter((f) => f.endsWith('.md')).sort().map(templateSnippet),
  ...Object.entries(adminBlocks),
]);
const json = JSON.stringify(snippets, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== json) {
    console.error('snippets/decuong.code-snippets is out of date: run `npm run snippets`.');
    process.exit(1);
  }
} else {
  writeFileSync(out, json);
}
