// Accuracy of the page estimate (server/src/core/pages.ts) against the real typesetter,
// shared/tools/pagecount/pagecount.sh (pandoc + LibreOffice, Decree-30 layout), on every report in
// examples/, test/fixtures/seeds/, test/fixtures/complete/ and test/fixtures/pages/ (shapes: tall table
// rows, strikethrough, a table under a paragraph, lists, hard breaks, long words, Word paste) at 13 and 14 pt and line spacing
// 1.0, 1.15, 1.3 and 1.5.
//
//   node scripts/pages-accuracy.mjs            run pagecount where the cache lacks an answer, compare
//   node scripts/pages-accuracy.mjs --doc      … and write the results into docs/pages-accuracy.md
//   node scripts/pages-accuracy.mjs --check    exit 1 when a cache entry is missing or a target is missed
//   node scripts/pages-accuracy.mjs --refresh  ask LibreOffice again for every entry
//   node scripts/pages-accuracy.mjs --offline  never run pagecount (use the cache only)
//   --jobs N  pagecount runs in parallel (one LibreOffice profile each; default 2)
//
// LibreOffice's answers are cached in test/fixtures/pagecount-cache.json, keyed by the file's
// SHA-256 and the settings, so reruns are fast and CI compares without LibreOffice
// (test/core/pages-accuracy.test.ts reads the same cache).
// Needs for fresh answers: apt-get install -y pandoc libreoffice-writer-nogui poppler-utils fonts-liberation2
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const pagecount = join(root, '../shared/tools/pagecount/pagecount.sh');
const cachePath = join(root, 'test/fixtures/pagecount-cache.json');
const docPath = join(root, 'docs/pages-accuracy.md');

export const DIRS = ['examples', 'test/fixtures/seeds', 'test/fixtures/complete', 'test/fixtures/pages'];
export const SIZES = [13, 14];
export const SPACINGS = ['1.0', '1.15', '1.3', '1.5'];
export const FIXED = 'margins=20,20,30,15 after=6 indent=1 lists=admin';
export const TARGETS = { exact: 0.95, maxOff: 1, meanDecimal: 0.05 };

export const cacheKey = (hash, size, spacing) => `${hash} size=${size} spacing=${spacing} ${FIXED}`;
export const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

export function reports() {
  return DIRS.flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.md')).sort().map((f) => join(d, f)));
}

function readCache() {
  if (!existsSync(cachePath)) return { about: '', tool: '', entries: {} };
  return JSON.parse(readFileSync(cachePath, 'utf8'));
}

function writeCache(cache) {
  const entries = Object.fromEntries(Object.entries(cache.entries).sort(([a], [b]) => a.localeCompare(b)));
  const out = {
    about: 'Answers of shared/tools/pagecount/pagecount.sh --json, keyed by the SHA-256 (16 hex) of the report file and the settings. Written by scripts/pages-accuracy.mjs; read by test/core/pages-accuracy.test.ts.',
    tool: cache.tool,
    entries,
  };
  writeFileSync(cachePath, JSON.stringify(out, null, 1) + '\n');
}

async function toolVersions() {
  const v = async (cmd, args, re) => {
    try {
      const { stdout } = await run(cmd, args);
      return (re.exec(stdout) ?? [stdout.split('\n')[0]])[0].trim();
    } catch {
      return `${cmd} ?`;
    }
  };
  return `${await v('pandoc', ['--version'], /pandoc [\d.]+/)}, ${await v('soffice', ['--version'], /LibreOffice [\d.]+/)}`;
}

async function pagecountOne(file, size, spacing, profile) {
  const { stdout } = await run(pagecount, [join(root, file), '--size', String(size), '--spacing', spacing, '--json'], {
    env: { ...process.env, PAGECOUNT_LO_PROFILE: profile },
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(stdout.trim().split('\n').pop());
  return { file, pages: r.pages, fill: r.fill, decimal: r.decimal };
}

async function fillCache(cache, { refresh, offline, jobs }) {
  const todo = [];
  for (const file of reports()) {
    const hash = hashOf(readFileSync(join(root, file)));
    for (const size of SIZES) {
      for (const spacing of SPACINGS) {
        const key = cacheKey(hash, size, spacing);
        if (refresh || !cache.entries[key]) todo.push({ key, file, size, spacing });
      }
    }
  }
  if (!todo.length) return 0;
  if (offline) return todo.length;
  if (!existsSync(pagecount)) throw new Error(`${pagecount} not found`);
  for (const tool of ['pandoc', 'soffice', 'pdfinfo']) {
    try {
      await run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      console.error(`pagecount needs ${tool}: apt-get install -y pandoc libreoffice-writer-nogui poppler-utils fonts-liberation2 — comparing with the cache only`);
      return todo.length;
    }
  }
  cache.tool = await toolVersions();
  let done = 0;
  const worker = async (w) => {
    const profile = join(tmpdir(), `pagecount-lo-profile-accuracy-${w}`);
    for (let t = todo.shift(); t; t = todo.shift()) {
      cache.entries[t.key] = await pagecountOne(t.file, t.size, t.spacing, profile);
      done++;
      if (done % 10 === 0) {
        writeCache(cache);
        process.stderr.write(`pagecount: ${done} done\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, (_, w) => worker(w)));
  writeCache(cache);
  return 0;
}

/** Compares the engine with the cache; rows for every file × settings, and the summary. */
export async function compare(cache) {
  const { estimatePages } = await tsImport('../server/src/core/pages.ts', import.meta.url);
  const rows = [];
  const missing = [];
  for (const file of reports()) {
    const bytes = readFileSync(join(root, file));
    const text = bytes.toString('utf8');
    const hash = hashOf(bytes);
    for (const size of SIZES) {
      for (const spacing of SPACINGS) {
        const ref = cache.entries[cacheKey(hash, size, spacing)];
        if (!ref) {
          missing.push(`${file} ${size} pt ${spacing}`);
          continue;
        }
        const est = estimatePages(text, { fontSize: size, lineSpacing: Number(spacing) });
        rows.push({ file, size, spacing, ref, est: { pages: est.pages, decimal: est.decimal } });
      }
    }
  }
  return { rows, missing, summary: summarize(rows) };
}

export function summarize(rows) {
  const n = rows.length || 1;
  const exact = rows.filter((r) => r.ref.pages === r.est.pages).length;
  const maxOff = Math.max(0, ...rows.map((r) => Math.abs(r.ref.pages - r.est.pages)));
  const diffs = rows.map((r) => r.est.decimal - r.ref.decimal);
  const mean = diffs.reduce((a, d) => a + Math.abs(d), 0) / n;
  const bias = diffs.reduce((a, d) => a + d, 0) / n;
  const maxDecimal = Math.max(0, ...diffs.map(Math.abs));
  return {
    runs: rows.length,
    exact,
    exactShare: exact / n,
    maxOff,
    meanDecimal: mean,
    bias,
    maxDecimal,
    met: exact / n >= TARGETS.exact && maxOff <= TARGETS.maxOff && mean <= TARGETS.meanDecimal,
  };
}

const f2 = (x) => x.toFixed(2);

function markdownResults({ rows, summary }, tool) {
  const out = [];
  out.push(`Reference: \`shared/tools/pagecount/pagecount.sh\` (${tool}); margins 20/20/30/15 mm, 6 pt after, 1 cm indent, admin lists.`);
  out.push('');
  out.push('| summary | value | target |');
  out.push('|---|---|---|');
  out.push(`| runs (files × sizes × spacings) | ${summary.runs} | |`);
  out.push(`| page count equal | ${summary.exact} of ${summary.runs} (${(100 * summary.exactShare).toFixed(1)} %) | ≥ 95 % |`);
  out.push(`| largest page-count difference | ${summary.maxOff} | ≤ 1 |`);
  out.push(`| mean \\|decimal difference\\| | ${summary.meanDecimal.toFixed(3)} | ≤ 0.05 |`);
  out.push(`| mean decimal difference (estimate − reference) | ${summary.bias >= 0 ? '+' : ''}${summary.bias.toFixed(3)} | |`);
  out.push(`| largest \\|decimal difference\\| | ${summary.maxDecimal.toFixed(2)} | |`);
  out.push('');
  const head = SIZES.flatMap((s) => SPACINGS.map((sp) => `${s} pt ${sp}`));
  out.push('Each cell: reference pages (decimal) / estimate pages (decimal); **bold** where the page count differs.');
  out.push('');
  out.push(`| file | ${head.join(' | ')} |`);
  out.push(`|---|${head.map(() => '---').join('|')}|`);
  const files = [...new Set(rows.map((r) => r.file))];
  for (const file of files) {
    const cells = head.map((h) => {
      const r = rows.find((x) => x.file === file && `${x.size} pt ${x.spacing}` === h);
      if (!r) return '—';
      const cell = `${r.ref.pages} (${f2(r.ref.decimal)}) / ${r.est.pages} (${f2(r.est.decimal)})`;
      return r.ref.pages === r.est.pages ? cell : `**${cell}**`;
    });
    out.push(`| ${file} | ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

function writeDoc(result, tool) {
  const start = '<!-- results:start (written by scripts/pages-accuracy.mjs --doc) -->';
  const end = '<!-- results:end -->';
  const block = `${start}\n${markdownResults(result, tool)}\n${end}`;
  let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : `# Page estimate accuracy\n\n${start}\n${end}\n`;
  const a = doc.indexOf(start.slice(0, 20));
  const b = doc.indexOf(end);
  doc = a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docPath, doc);
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name) => args.includes(name);
  const jobsAt = args.indexOf('--jobs');
  const jobs = jobsAt >= 0 ? Math.max(1, Number(args[jobsAt + 1]) || 1) : 2;
  const cache = readCache();
  await fillCache(cache, { refresh: opt('--refresh'), offline: opt('--offline'), jobs });
  const result = await compare(cache);
  const { summary, rows, missing } = result;
  for (const r of rows) {
    if (opt('--verbose') || r.ref.pages !== r.est.pages || Math.abs(r.ref.decimal - r.est.decimal) > 0.1) {
      const d = r.est.decimal - r.ref.decimal;
      console.log(`${relative('.', r.file).padEnd(62)} ${r.size} ${r.spacing.padEnd(4)} ref ${r.ref.pages} (${f2(r.ref.decimal)})  est ${r.est.pages} (${f2(r.est.decimal)})  ${d >= 0 ? '+' : ''}${f2(d)}${r.ref.pages !== r.est.pages ? '  PAGES DIFFER' : ''}`);
    }
  }
  console.log(`runs ${summary.runs}: pages equal ${summary.exact} (${(100 * summary.exactShare).toFixed(1)} %), max off ${summary.maxOff}, mean |Δdecimal| ${summary.meanDecimal.toFixed(3)}, bias ${summary.bias.toFixed(3)}, max |Δdecimal| ${summary.maxDecimal.toFixed(2)} — targets ${summary.met ? 'met' : 'NOT met'}`);
  if (missing.length) console.log(`missing from the cache (run without --offline, with LibreOffice installed): ${missing.length}\n  ${missing.slice(0, 10).join('\n  ')}`);
  if (opt('--doc')) writeDoc(result, cache.tool);
  if (opt('--check') && (missing.length || !summary.met)) process.exit(1);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
