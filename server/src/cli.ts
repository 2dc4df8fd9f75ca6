import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { relative, resolve } from 'node:path';
import { check, createRegistry, estimatePages, fixAll, unappliedLevelLimits, langOf, LineIndex, parseMargins, ParseCache, say, type Finding, type Lang, type PageSettings, type Selection, type TemplateRegistry, type TemplateSource } from './core';
import { builtinSources } from './builtins';
import { findTemplatesDir, listMarkdownFiles, MAX_BYTES, readSmallFile, readTemplateDir } from './templateFiles';
import { checks } from './core/checks';
import { isLevel, LEVELS, levelKey, levelName, templateLevels } from './core/levels';

const MAX_MB = MAX_BYTES / 1024 / 1024;

const USAGE = `Usage:
  decuong check <file|dir>... [--template <id|file>] [--templates <dir>] [--cap xa|huyen|tinh]
                              [--format text|json|sarif] [--lang vi|en] [--fix] [--no-guidance]
  decuong pages <file> [--size 13|14] [--spacing 1|1.15|1.3|1.5] [--margins T,B,L,R] [--format text|json]
  decuong templates [--templates <dir>] [--format text|json]

Without --templates, the nearest .decuong/templates/ up from each report (templates: from the
current folder) is used.
Exit codes: check: 0 no error-severity finding, 1 at least one; templates: 0 all templates load,
1 at least one is broken; 2 bad usage or unreadable input.`;

class UsageError extends Error {}

interface Args {
  command: string;
  paths: string[];
  flags: Map<string, string>;
}

const VALUE_FLAGS = new Set(['--template', '--templates', '--cap', '--format', '--lang', '--size', '--spacing', '--margins']);

function parseArgs(argv: string[]): Args {
  const [first = '', ...others] = argv;
  // `decuong --help` / `decuong -h`: the flag in the command's place.
  const helpFirst = first === '--help' || first === '-h';
  const command = helpFirst ? 'help' : first;
  const rest = others;
  const paths: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-h' || arg === '--help') flags.set('--help', '');
    else if (arg === '--fix' || arg === '--no-guidance') flags.set(arg, '');
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2) as [string, string | undefined];
      if (!VALUE_FLAGS.has(name)) throw new UsageError(`unknown option ${name}`);
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else paths.push(arg);
  }
  return { command, paths, flags };
}

/**
 * The templates a report is checked against: the built-in ones, then `--templates`, or else the
 * nearest `.decuong/templates/` up from `from` (what the extension reads for the report's
 * workspace), then `--template file.md`. Each folder found is named once on stderr.
 */
function registryFor(flags: Map<string, string>, lang: Lang, from = process.cwd(), announced = new Set<string>()): { sources: TemplateSource[]; forcedId?: string; found?: string } {
  const sources = builtinSources();
  const dir = flags.get('--templates');
  let found: { dir: string; root: string } | undefined;
  if (dir !== undefined) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`templates folder not found: ${dir}`);
    sources.push(...readTemplateDir(dir));
  } else if ((found = findTemplatesDir(from))) {
    const shown = relative(process.cwd(), found.dir) || '.';
    if (!announced.has(found.dir)) {
      announced.add(found.dir);
      process.stderr.write(lang === 'vi' ? `decuong: dùng các mẫu đề cương trong ${shown}\n` : `decuong: using the templates in ${shown}\n`);
    }
    sources.push(...readTemplateDir(shown, undefined, found.root));
  }
  let forcedId = flags.get('--template');
  if (forcedId && /\.md$/i.test(forcedId)) {
    const text = readSmallFile(forcedId);
    if (text === undefined) throw new UsageError(`cannot read template ${forcedId}`);
    const source = { path: forcedId, text, builtin: false };
    // A template of the folder read above, named as a file: the same template, not a second one
    // with its id.
    const same = sources.findIndex((s) => !s.builtin && resolve(s.path) === resolve(forcedId!));
    if (same >= 0) sources.splice(same, 1);
    sources.push(source);
    forcedId = [...createRegistry([source]).templates.keys()][0];
  }
  return { sources, forcedId, found: found?.dir };
}

interface FileFinding extends Finding {
  file: string;
  index: LineIndex;
}

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'] as const;

function runCheck(args: Args, lang: Lang): number {
  if (!args.paths.length) throw new UsageError('check needs at least one file or folder');
  const format = args.flags.get('--format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format ${format}`);
  // Each report with the templates of its own workspace (the nearest .decuong/templates/ up from
  // its folder): one registry per folder found, its files read once.
  const announced = new Set<string>();
  const { sources, forcedId, found: here } = registryFor(args.flags, lang, process.cwd(), announced);
  const registry = createRegistry(sources);
  const registries = new Map<string, TemplateRegistry>([[here ?? '', registry]]);
  const registryOf = (file: string): TemplateRegistry => {
    const from = dirname(resolve(file));
    const key = findTemplatesDir(from)?.dir ?? '';
    let r = registries.get(key);
    if (!r) registries.set(key, (r = createRegistry(registryFor(args.flags, lang, from, announced).sources)));
    return r;
  };
  if (forcedId && !registry.templates.has(forcedId)) {
    const hint = registry.closest(forcedId).join(', ');
    throw new UsageError(`unknown template ${forcedId}${hint ? ` (did you mean: ${hint}?)` : ''}`);
  }
  const cap = args.flags.get('--cap');
  if (cap !== undefined) checkLevel(cap, registry);
  const files: string[] = [];
  for (const p of args.paths) {
    if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
    if (statSync(p).isDirectory()) files.push(...listMarkdownFiles(p).filter((f) => !/(?:^|[\\/])\.decuong[\\/]/.test(f)));
    else files.push(p);
  }
  const results: FileFinding[] = [];
  let unreadable = 0;
  for (const file of files) {
    let text = readSmallFile(file);
    if (text === undefined) {
      unreadable++;
      process.stderr.write(lang === 'vi' ? `decuong: không đọc được ${file} (không mở được, hoặc lớn hơn ${MAX_MB} MB)\n` : `decuong: cannot read ${file} (it does not open, or is over ${MAX_MB} MB)\n`);
      continue;
    }
    // An explicit --template wins over the report's front matter.
    const options = { template: forcedId, forceTemplate: Boolean(forcedId), cap, insertGuidance: !args.flags.has('--no-guidance') };
    const reg = args.flags.has('--templates') ? registry : registryOf(file);
    if (args.flags.has('--fix')) text = fixFile(file, text, (t, c) => check(t, reg, { ...options, insertOnly: true }, c).findings, lang);
    const result = check(text, reg, options);
    const { findings, template, selection } = result;
    // Which outline a report was read against is not in its findings: said aside, as the status bar does.
    if (format === 'text') process.stderr.write(`${file}: ${outlineNote(template, selection, lang)}${levelNote(unappliedLevelLimits(result.context), lang)}\n`);
    const index = new LineIndex(text);
    for (const f of findings) results.push({ ...f, file: relative(process.cwd(), resolve(file)) || file, index });
  }
  if (format === 'json') {
    process.stdout.write(JSON.stringify(results.map((f) => toJson(f, lang)), null, 2) + '\n');
  } else if (format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(results, lang), null, 2) + '\n');
  } else {
    for (const f of results) {
      const p = f.index.position(f.offset);
      process.stdout.write(`${f.file}:${p.line + 1}:${p.character + 1}: ${f.level} ${f.code} ${say(f.message, lang)}\n`);
    }
    const counts = SEVERITY_ORDER.map((s) => [s, results.filter((f) => f.level === s).length] as const).filter(([, n]) => n);
    const names = lang === 'vi'
      ? { error: 'lỗi', warning: 'cảnh báo', information: 'thông tin', hint: 'gợi ý' }
      : { error: 'error(s)', warning: 'warning(s)', information: 'information', hint: 'hint(s)' };
    const found = counts.map(([s, n]) => `${n} ${names[s]}`).join(', ');
    const checked = files.length - unreadable;
    process.stdout.write(lang === 'vi'
      ? `Đã kiểm tra ${checked} tệp: ${found || 'không có vấn đề'}${unreadable ? `; ${unreadable} tệp không đọc được` : ''}\n`
      : `${checked} file(s) checked: ${found || 'no findings'}${unreadable ? `; ${unreadable} file(s) could not be read` : ''}\n`);
  }
  if (unreadable) return 2;
  return results.some((f) => f.level === 'error') ? 1 : 0;
}

/** The outline limits pages by level and the report names none: say so, or the limit silently does nothing. */
function levelNote(byLevel: ReadonlyArray<[string, number]>, lang: Lang): string {
  if (!byLevel.length) return '';
  const list = byLevel.map(([k, n]) => `${levelName(k, lang)} ${n}`).join(', ');
  return lang === 'vi'
    ? `; giới hạn trang theo cấp (${list}) chưa áp dụng vì báo cáo chưa ghi cấp: thêm “cap:” hoặc --cap`
    : `; its page limits by level (${list}) do not apply: the report names no level (add “cap:” or --cap)`;
}

function outlineNote(template: { id: string } | undefined, selection: Selection, lang: Lang): string {
  const by = selection.kind;
  const doubt = selection.kind === 'none' ? selection.doubted : undefined;
  if (doubt) {
    const { id } = doubt.template;
    return lang === 'vi'
      ? `không áp dụng đề cương “${id}” dù tiêu đề giống: báo cáo có ${doubt.paired}/${doubt.expected} mục bắt buộc của đề cương này (dùng --template ${id} để vẫn đối chiếu)`
      : `outline “${id}” not applied though the title reads like it: the report has ${doubt.paired} of its ${doubt.expected} required sections (use --template ${id} to check against it anyway)`;
  }
  if (!template) return lang === 'vi' ? 'chưa chọn được đề cương' : 'no outline chosen';
  const how = ({
    'front-matter': { vi: 'theo “decuong:” trong báo cáo', en: 'named by its “decuong:”' },
    setting: { vi: 'theo --template', en: 'given by --template' },
    title: { vi: 'chọn theo tiêu đề báo cáo', en: 'chosen by its title' },
  } as Record<string, { vi: string; en: string }>)[by] ?? { vi: '', en: '' };
  return lang === 'vi' ? `đề cương “${template.id}” (${how.vi})` : `outline “${template.id}” (${how.en})`;
}

/**
 * `--cap` must name a level — however written (`xã`, `cấp xã`, `thi tran`; the core reads it as
 * its key) — or a level some template sets a page limit for: else the limit would silently not apply.
 */
function checkLevel(cap: string, registry: TemplateRegistry): void {
  const key = levelKey(cap);
  if (isLevel(key)) return;
  const own = templateLevels(registry.templates.values());
  if (own.has(key)) return;
  throw new UsageError(`unknown level ${cap} for --cap (levels: ${[...new Set([...Object.keys(LEVELS), ...own])].join(', ')})`);
}

/** Applies fix-all to a file in place: written to a temporary file first, then renamed over it. */
function fixFile(file: string, text: string, checkText: (t: string, cache: ParseCache) => Finding[], lang: Lang): string {
  const cache = new ParseCache();
  const result = fixAll(text, (t) => checkText(t, cache));
  // Not inserted: the report may have them already (a section of their number, renamed in place
  // perhaps, or their content under a label).
  const left = result.left.filter((f) => f.code === 'missing-section').length;
  if (left) process.stderr.write(`${file}: ${lang === 'vi' ? `chưa chèn ${left} mục còn thiếu vì báo cáo có thể đã có chúng (số thứ tự đã có mục khác mang — có thể là chính mục đó nhưng đặt tên khác — hoặc nội dung đã viết dưới một nhãn đầu dòng): xem từng lỗi “Thiếu mục” để đổi tên, chuyển thành tiêu đề, hoặc chèn trong trình soạn thảo (sửa nhanh sẽ đánh lại số các mục sau)` : `${left} missing section(s) not inserted: the report may have them already (their number is taken by a section — perhaps the same one under another title — or their content is under a label): see each “Missing section” error to rename, make a heading, or insert from the editor's quick fix, which renumbers the sections after it`}\n`);
  if (!result.applied.length) return text;
  const tmp = join(dirname(file), `.${basename(file)}.decuong-${process.pid}.tmp`);
  writeFileSync(tmp, result.text);
  renameSync(tmp, file);
  // Blank lines come by the hundred in a pasted report: told as one count.
  const blankLines = result.applied.filter((f) => f.code === 'joined-paragraph').length;
  if (blankLines) process.stderr.write(`${file}: ${lang === 'vi' ? `đã thêm ${blankLines} dòng trống giữa các đoạn văn` : `inserted ${blankLines} blank line(s) between paragraphs`}\n`);
  for (const f of result.applied) {
    if (f.code === 'joined-paragraph') continue;
    if (f.code === 'missing-section') {
      // The heading as inserted (its number follows the report's, not always the outline's).
      const inserted = f.fixes?.find((x) => x.preferred)?.edits.map((e) => /^#{1,6} (.+?)\r?$/m.exec(e.text)?.[1]).find(Boolean)?.normalize('NFC') ?? String(f.data?.title);
      process.stderr.write(`${file}: ${lang === 'vi' ? `đã chèn mục “${inserted}”` : `inserted section “${inserted}”`}\n`);
    } else {
      const title = /“([^”]*)”/.exec(f.message.en)?.[1];
      process.stderr.write(`${file}: ${lang === 'vi' ? `đã đánh dấu tiêu đề${title ? ` “${title}”` : ''}` : `marked the title${title ? ` “${title}”` : ''} as a heading`}\n`);
    }
  }
  return result.text;
}

function range(f: FileFinding) {
  return { start: f.index.position(f.offset), end: f.index.position(f.offset + f.length) };
}

function toJson(f: FileFinding, lang: Lang) {
  return { file: f.file, range: range(f), severity: f.level, code: f.code, message: say(f.message, lang) };
}

function toSarif(results: FileFinding[], lang: Lang) {
  const sarifLevel = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: {
        driver: {
          name: 'decuong',
          informationUri: 'https://github.com/decuong/decuong',
          rules: checks.map((c) => ({ id: c.code, shortDescription: { text: say(c.title, lang) }, defaultConfiguration: { level: sarifLevel[c.defaultLevel] } })),
        },
      },
      results: results.map((f) => {
        const r = range(f);
        return {
          ruleId: f.code,
          level: sarifLevel[f.level],
          message: { text: say(f.message, lang) },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: f.file.split('\\').join('/') },
              // SARIF counts lines and columns from 1.
              region: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
            },
          }],
        };
      }),
    }],
  };
}

/** `decuong pages`: the A4 estimate; flags win over the report's front matter, which wins over defaults. */
function runPages(args: Args, lang: Lang): number {
  if (args.paths.length !== 1) throw new UsageError('pages needs exactly one file');
  const format = args.flags.get('--format') ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`unknown format ${format}`);
  const settings: Partial<PageSettings> = {};
  const size = args.flags.get('--size');
  if (size !== undefined) {
    if (!['13', '14'].includes(size)) throw new UsageError('--size must be 13 or 14');
    settings.fontSize = Number(size);
  }
  const spacing = args.flags.get('--spacing');
  if (spacing !== undefined) {
    const v = Number(spacing);
    if (!(v >= 1 && v <= 1.5)) throw new UsageError('--spacing must be between 1 and 1.5');
    settings.lineSpacing = v;
  }
  const margins = args.flags.get('--margins');
  if (margins !== undefined) {
    const m = parseMargins(margins);
    if (!m) throw new UsageError('--margins must be T,B,L,R in millimetres, e.g. 20,20,30,15');
    settings.margins = m;
  }
  const file = args.paths[0]!;
  if (!existsSync(file) || statSync(file).isDirectory()) throw new UsageError(`no such file: ${file}`);
  const text = readSmallFile(file);
  if (text === undefined) throw new UsageError(`cannot read ${file}`);
  const est = estimatePages(text, settings);
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ pages: est.pages, decimal: est.decimal, breaks: est.breaks }) + '\n');
  } else {
    const n = (x: number) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));
    const m = est.settings.margins;
    process.stdout.write(lang === 'vi'
      ? `${file}: ≈ ${n(est.decimal)} trang A4 (${est.pages} trang; cỡ chữ ${n(est.settings.fontSize)}, giãn dòng ${n(est.settings.lineSpacing)}, lề ${m.top}/${m.bottom}/${m.left}/${m.right} mm)\n`
      : `${file}: ≈ ${est.decimal} A4 pages (${est.pages} pages; ${est.settings.fontSize} pt, spacing ${est.settings.lineSpacing}, margins ${m.top}/${m.bottom}/${m.left}/${m.right} mm)\n`);
    est.breaks.forEach((line, i) => process.stdout.write(`  ${lang === 'vi' ? 'trang' : 'page'} ${i + 2}: ${lang === 'vi' ? 'dòng' : 'line'} ${line + 1}\n`));
  }
  return 0;
}

function runTemplates(args: Args, lang: Lang): number {
  const format = args.flags.get('--format') ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`unknown format ${format}`);
  const { sources } = registryFor(args.flags, lang);
  const registry = createRegistry(sources);
  const list = [...registry.templates.values()].map((t) => ({
    id: t.id,
    title: t.title,
    source: t.source ?? null,
    pages: t.pages,
    sections: t.outline.all.length,
    builtin: t.builtin,
    path: t.builtin ? null : t.path,
    ...(t.extends ? { extends: t.extends } : {}),
  }));
  if (format === 'json') process.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else {
    for (const t of list) {
      // “cấp xã 12, cấp huyện 15”; a single limit (key `*`) is just its number.
      const pages = Object.entries(t.pages).map(([k, n]) => (k === '*' ? String(n) : `${levelName(k, lang)} ${n}`)).join(', ');
      process.stdout.write(`${t.id}${t.builtin ? '' : ` (${t.path})`}\n  ${t.title}\n  ${t.sections} ${lang === 'vi' ? 'mục' : 'sections'}${pages ? ` · ${lang === 'vi' ? 'giới hạn trang' : 'page limits'}: ${pages}` : ''}\n`);
    }
  }
  // path:line:col, as compilers say it, so that an editor or terminal can jump to the problem.
  const texts = new Map(sources.map((src) => [src.path, src.text]));
  const indexes = new Map<string, LineIndex>();
  for (const p of registry.problems) {
    const text = texts.get(p.path);
    let index = indexes.get(p.path);
    if (!index && text !== undefined) indexes.set(p.path, (index = new LineIndex(text)));
    const at = index?.position(p.offset);
    process.stderr.write(`${p.path}${at ? `:${at.line + 1}:${at.character + 1}` : ''}: ${say(p.message, lang)}\n`);
  }
  // A broken template leaves its reports half-checked: a script listing templates should know.
  return registry.problems.length ? 1 : 0;
}

export function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    const langFlag = args.flags.get('--lang');
    const lang: Lang = langFlag === 'vi' || langFlag === 'en' ? langFlag : langOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
    if (args.flags.has('--help') || args.command === 'help' || !args.command) {
      process.stdout.write(USAGE + '\n');
      return args.command ? 0 : 2;
    }
    if (args.command === 'check') return runCheck(args, lang);
    if (args.command === 'templates') return runTemplates(args, lang);
    if (args.command === 'pages') return runPages(args, lang);
    throw new UsageError(`unknown command ${args.command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`decuong: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

// `decuong check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
