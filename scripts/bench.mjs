#!/usr/bin/env node
// Keystroke benchmark of the language server (issue 6): how fast do diagnostics follow typing?
//
//   node scripts/bench.mjs [--quick] [--reps N] [--pages 3,15,60,300] [--core-pages 15,300]
//                          [--skip-lsp] [--skip-core] [--docs-only] [--json FILE] [--node-args="..."]
//                          [--variants] [--edits N]
//
// 1. Copies shared/tools/lspbench (read-only) to node_modules/.cache/lspbench/tool and installs its
//    dependencies there when its lock file changed (npm ci). The copy gets one addition: the
//    per-edit latencies in its JSON, for the growth check below.
// 2. Generates 3-, 15-, 60- and 300-page reports (~3 KB a page) from this repo's complete report
//    test/fixtures/complete/so-ket-giua-nhiem-ky-2019-2024.md (front matter `decuong: <id>`, so the
//    template is selected and every check runs): each section of the outline keeps its place and is
//    extended with numbered subsections of prose taken from examples/, test/fixtures/complete/ and
//    test/fixtures/seeds/ (numbers varied so that no two chunks are equal). Deterministic.
// 3. Runs lspbench (typing phase: 200 single-character edits, one every 30 ms, at random spots in
//    the middle half of the document) against dist/server.js and against lspbench's null server
//    (the floor: TextDocuments + one line scan) in the same run, interleaved, N repetitions
//    (3; 1 with --quick), and prints medians: keystroke latency p50/p95/max (didChange ->
//    publishDiagnostics of that version), p95 of edits 1–50 vs 150–200 (per repetition, and with
//    the repetitions' edits pooled), didOpen -> first
//    diagnostics, RSS, and ratios to the floor.
// 4. In-process: the per-keystroke cost of core.check on the same edit script, incremental (one
//    ParseCache per document, as the server does) vs from scratch, at 15 and 300 pages.
// --variants adds two reports to step 3, made from the largest of --pages: "footnote", with a
// pandoc-style footnote line at the end (`[^1]: Theo …`, prose to CommonMark), and "references",
// with `[^0]`…`[^6]` cited in every 20th prose paragraph and defined at the end (link reference
// definitions reach references anywhere in a document).
// --edits N (default 200) types N paced edits instead of 200: with N > 200 it also prints the p95 of
// every 100 edits, pooled over the repetitions, for the server and the floor — whether latency
// grows over a long typing session, beyond the two windows (which stay edits 1–50 and 150–200).
//
// It measures and prints; it asserts nothing about times. Build first (`npm run build`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const has = (k) => argv.includes(`--${k}`);
const arg = (k, d) => {
  const eq = argv.find((a) => a.startsWith(`--${k}=`));
  if (eq) return eq.slice(k.length + 3);
  const i = argv.indexOf(`--${k}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : d;
};
if (has('help')) {
  process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0].replace(/^#!.*\n/, '').replace(/^\/\/ ?/gm, '') + '\n');
  process.exit(0);
}
const QUICK = has('quick');
const REPS = Number(arg('reps', QUICK ? 1 : 3));
const PAGES = String(arg('pages', '3,15,60,300')).split(',').map(Number).filter(Boolean);
const CORE_PAGES = String(arg('core-pages', '15,300')).split(',').map(Number).filter(Boolean);
const EDITS = Math.max(200, Number(arg('edits', 200)));
const PACE = 30;
const BYTES_PER_PAGE = 3072;
const SRC = path.resolve(process.env.LSPBENCH_DIR ?? path.join(ROOT, '../shared/tools/lspbench'));
const CACHE = path.join(ROOT, 'node_modules/.cache/lspbench');
const TOOL = path.join(CACHE, 'tool');
const DOCS = path.join(CACHE, 'docs');
const RUN = path.join(CACHE, 'results', new Date().toISOString().replace(/[:.]/g, '-'));
const SERVER = path.join(ROOT, 'dist/server.js');
const log = (m) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

// ------------------------------------------------------------------ 1. the tool
function prepareTool() {
  if (!fs.existsSync(path.join(SRC, 'lspbench.mjs'))) throw new Error(`lspbench not found at ${SRC} (set LSPBENCH_DIR)`);
  fs.mkdirSync(TOOL, { recursive: true });
  // Fresh copy of the sources on every run (the shared folder is read-only: drop the copy's modes).
  for (const e of fs.readdirSync(TOOL)) if (!['node_modules', '.installed'].includes(e)) fs.rmSync(path.join(TOOL, e), { recursive: true, force: true });
  const copy = (from, to) => {
    for (const e of fs.readdirSync(from, { withFileTypes: true })) {
      if (['node_modules', 'docs', 'results', '.git'].includes(e.name)) continue;
      const a = path.join(from, e.name);
      const b = path.join(to, e.name);
      if (e.isDirectory()) {
        fs.mkdirSync(b, { recursive: true });
        copy(a, b);
      } else if (e.isFile()) {
        fs.writeFileSync(b, fs.readFileSync(a));
      }
    }
  };
  copy(SRC, TOOL);
  // The one addition: keep each edit's latency (in edit order) next to the summary.
  const file = path.join(TOOL, 'lspbench.mjs');
  const src = fs.readFileSync(file, 'utf8');
  const anchor = 'latencyMs: summarize(lat),';
  if (src.includes(anchor)) fs.writeFileSync(file, src.replace(anchor, `${anchor} perEditLatencyMs: lat.map(round),`));
  else log('warning: lspbench.mjs changed shape; no per-edit latencies, so no growth check');
  // Install when the lock file changed since the last install.
  const lock = ['package-lock.json', 'package.json'].map((f) => path.join(TOOL, f)).find((f) => fs.existsSync(f));
  const stamp = createHash('sha1').update(fs.readFileSync(lock)).digest('hex');
  const stampFile = path.join(TOOL, '.installed');
  if (!fs.existsSync(path.join(TOOL, 'node_modules')) || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
    log(`npm ${lock.endsWith('package-lock.json') ? 'ci' : 'install'} in ${path.relative(ROOT, TOOL)}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, [lock.endsWith('package-lock.json') ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: TOOL, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('installing lspbench failed');
    fs.writeFileSync(stampFile, stamp);
  }
}

// ------------------------------------------------------------------ 2. the documents
// The harness's own seeded generator (the edit script's), for documents as reproducible as its edits.
const { mulberry32 } = await import(pathToFileURL(path.join(SRC, 'lib/typist.mjs')).href);
const BASE = 'test/fixtures/complete/so-ket-giua-nhiem-ky-2019-2024.md';
const mdFiles = (dir) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(ROOT, dir, f));
const withoutFrontMatter = (t) => t.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '');
// Lines that would read as something else than prose: numbering (a title without `#`), guidance
// blanks and placeholders, signature blocks.
const NOT_PROSE = /^\s*(?:#|\d|[IVXLC]+[.)\s]|[a-zđA-Z][.)]\s|[-*+]\s|\||>|Phần\b|PHẦN\b|\*\*|_)|\.{3}|…|__|\(.*\)$|^[^a-zà-ỹđ]*$/u;

function corpus() {
  const paragraphs = new Set();
  const titles = new Set();
  for (const f of [...mdFiles('examples'), ...mdFiles('test/fixtures/complete'), ...mdFiles('test/fixtures/seeds')]) {
    for (const raw of withoutFrontMatter(fs.readFileSync(f, 'utf8')).split(/\r?\n/)) {
      const line = raw.trim();
      const bullet = /^- (.+?)[.;:]?$/.exec(line);
      // Titles for the added subsections: guidance bullets of 4–14 words, no abbreviations (UBND …).
      const words = bullet?.[1].split(/\s+/) ?? [];
      if (words.length >= 4 && words.length <= 14 && !words.some((w) => /\p{Lu}{2}/u.test(w)) && !/[…_;]|\.{3}/.test(bullet[1])) titles.add(bullet[1].replace(/[“”"]/g, ''));
      if (line.length >= 60 && !NOT_PROSE.test(line)) paragraphs.add(line);
      else if (bullet && bullet[1].length >= 60 && !/[…_]|\.{3}/.test(bullet[1])) paragraphs.add(bullet[1].replace(/[;:]$/, '.'));
    }
  }
  return { paragraphs: [...paragraphs], titles: [...titles] };
}

const PLACES = ['thôn Đông', 'thôn Tây', 'thôn Trung', 'thôn Nam', 'thôn Bắc', 'khu phố 1', 'khu phố 2', 'khu phố 3', 'ấp Tân Lập', 'ấp Phú Hòa', 'tổ dân phố 5', 'bản Na Hang'];

/** One report of about `pages` pages: the complete report, every leaf section extended in turn. */
function generate(pages, pool) {
  const rng = mulberry32(20261124 + pages);
  const pick = (xs) => xs[Math.floor(rng() * xs.length)];
  const vary = (s) => s.replace(/(?<![\d/.,])\d+(?![\d/.,]?\d)/g, (d) => (d.length === 4 && /^(19|20)/.test(d) ? d : String(Math.max(1, Math.round(Number(d) * (0.5 + rng()))))));
  const lines = fs.readFileSync(path.join(ROOT, BASE), 'utf8').replace(/\r\n/g, '\n').split('\n');
  const heads = [];
  lines.forEach((l, i) => {
    const m = /^(#{1,6})\s+(\S+)\s/.exec(l);
    if (m) heads.push({ line: i, depth: m[1].length, label: m[2] });
  });
  // Leaf sections of the outline (no subsection): extended with subsections one level deeper.
  const leaves = heads
    .filter((h, i) => h.depth > 1 && !(heads[i + 1] && heads[i + 1].depth > h.depth))
    .map((h) => ({ ...h, end: (heads[heads.indexOf(h) + 1]?.line ?? lines.length) - 1, extra: [], n: 0 }));
  const childLabel = (leaf) => {
    leaf.n++;
    if (/^\d+(\.\d+)*\.$/.test(leaf.label)) return `${leaf.label}${leaf.n}.`; // 1. -> 1.1.  1.1. -> 1.1.1.
    return `${leaf.n}.`; // I. / a. -> 1. 2. …
  };
  const target = pages * BYTES_PER_PAGE;
  let bytes = Buffer.byteLength(lines.join('\n'));
  for (let k = 0; bytes < target; k++) {
    const leaf = leaves[k % leaves.length];
    const picked = rng() < 0.5 ? `Kết quả tại ${pick(PLACES)}` : pick(pool.titles);
    // No two subsections of a section with one title (that would be a section pasted twice).
    leaf.titles ??= new Map();
    const seen = (leaf.titles.get(picked) ?? 0) + 1;
    leaf.titles.set(picked, seen);
    const title = seen > 1 ? `${picked} (đợt ${seen})` : picked;
    const unit = [`${'#'.repeat(Math.min(6, leaf.depth + 1))} ${childLabel(leaf)} ${title}`, ''];
    // A subsection of 1.5–3.5 KB: paragraphs, now and then a short list.
    const size = 1536 + rng() * 2048;
    let u = 0;
    while (u < size && bytes + u < target + 256) {
      let block;
      if (rng() < 0.12) {
        block = Array.from({ length: 2 + Math.floor(rng() * 3) }, () => `- ${vary(pick(pool.paragraphs))}`).join('\n');
      } else {
        block = vary(pick(pool.paragraphs));
        if (rng() < 0.5) block += ' ' + vary(pick(pool.paragraphs));
      }
      unit.push(block, '');
      u += Buffer.byteLength(block) + 2;
    }
    leaf.extra.push(...unit);
    bytes += Buffer.byteLength(unit.join('\n')) + 1;
  }
  const out = [];
  const byEnd = new Map(leaves.map((l) => [l.end, l]));
  lines.forEach((l, i) => {
    out.push(l);
    if (byEnd.get(i)?.extra.length) out.push('', ...byEnd.get(i).extra);
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}

function generateDocs() {
  fs.mkdirSync(DOCS, { recursive: true });
  const pool = corpus();
  const docs = [];
  for (const p of [...new Set([...PAGES, ...CORE_PAGES])].sort((a, b) => a - b)) {
    const text = generate(p, pool);
    const file = path.join(DOCS, `report-${String(p).padStart(3, '0')}p.md`);
    fs.writeFileSync(file, text);
    docs.push({ pages: p, file, kb: Buffer.byteLength(text) / 1024, headings: text.match(/^#{1,6} /gm)?.length ?? 0 });
  }
  if (has('variants')) docs.push(...variantsOf(docs.find((d) => d.pages === Math.max(...PAGES))));
  log(`documents (${pool.paragraphs.length} paragraphs, ${pool.titles.length} titles in the pool): ` + docs.map((d) => `${d.pages} p = ${d.kb.toFixed(0)} KB, ${d.headings} headings`).join('; '));
  return docs;
}

/** The `--variants` reports, from the report `base` (see the head of this file). */
function variantsOf(base) {
  if (!base) return [];
  const text = fs.readFileSync(base.file, 'utf8');
  let prose = 0;
  const cited = text
    .split('\n\n')
    .map((block) => (/^\p{L}/u.test(block) && prose++ % 20 === 10 ? `${block.replace(/[.;:]?$/, '')} (xem [^${prose % 7}]).` : block))
    .join('\n\n');
  const definitions = Array.from({ length: 7 }, (_, i) => `[^${i}]: https://mattran.org.vn/van-ban/${i}`).join('\n\n');
  return [
    ['footnote', `${text}\n[^1]: Theo Nghị quyết số 43 của Ban Chấp hành Trung ương\n`],
    ['references', `${cited}\n\n${definitions}\n`],
  ].map(([name, variant]) => {
    const file = base.file.replace(/\.md$/, `-${name}.md`);
    fs.writeFileSync(file, variant);
    return { pages: `${base.pages} ${name}`, variant: true, file, kb: Buffer.byteLength(variant) / 1024, headings: base.headings };
  });
}

// ------------------------------------------------------------------ 3. lspbench runs
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const p95 = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)] : null;
};

const SERVERS = [
  { label: 'null-ref', command: 'node servers/null-server.mjs --stdio' },
  // --node-args="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server during the runs.
  { label: 'decuong', command: `node ${arg('node-args', '')} '${SERVER}' --stdio`.replace(/ +/g, ' ') },
];

function lspbench(server, doc, json, extra = []) {
  const args = ['lspbench.mjs', '--server', server.command, '--doc', doc, '--label', server.label, '--edits', String(EDITS), '--pace', String(PACE), '--phases', 'single,paced', '--quiet', '--json', json, ...extra];
  const r = spawnSync(process.execPath, args, { cwd: TOOL, stdio: ['ignore', 'pipe', 'inherit'], timeout: 30 * 60 * 1000 });
  if (r.status !== 0) log(`  lspbench exit ${r.status} ${r.signal ?? ''} (${server.label}, ${path.basename(doc)})`);
  try {
    return JSON.parse(fs.readFileSync(json, 'utf8'));
  } catch {
    return undefined;
  }
}

/** 1-minute load averages seen before and after each lspbench run: other work on the machine skews latencies. */
const LOADS = [];

function runServers(docs) {
  fs.mkdirSync(RUN, { recursive: true });
  const warm = docs[0].file;
  for (const s of SERVERS) {
    log(`warm-up ${s.label}`);
    lspbench(s, warm, path.join(RUN, `warmup-${s.label}.json`), ['--edits', '10', '--single-edits', '3']);
  }
  const runs = new Map(); // `${label}|${pages}` -> results
  for (let rep = 1; rep <= REPS; rep++)
    for (const d of docs.filter((d) => PAGES.includes(d.pages) || d.variant))
      for (const s of rep % 2 ? SERVERS : [...SERVERS].reverse()) {
        const load = os.loadavg()[0];
        log(`rep ${rep}/${REPS}  ${s.label}  ${d.pages} p  (load ${load.toFixed(2)})`);
        const r = lspbench(s, d.file, path.join(RUN, `${s.label}-${d.pages}p-rep${rep}.json`));
        if (!r) continue;
        LOADS.push(load, os.loadavg()[0]);
        for (const e of r.errors ?? []) log(`  ! ${e}`);
        const k = `${s.label}|${d.pages}`;
        if (!runs.has(k)) runs.set(k, []);
        runs.get(k).push(r);
      }
  const rows = [];
  for (const d of docs.filter((d) => PAGES.includes(d.pages) || d.variant))
    for (const s of SERVERS) {
      const rs = runs.get(`${s.label}|${d.pages}`) ?? [];
      const m = (f) => median(rs.map(f));
      const perEdit = (r) => r.phases?.paced?.perEditLatencyMs;
      rows.push({
        server: s.label,
        pages: d.pages,
        kb: d.kb,
        reps: rs.length,
        p50: m((r) => r.phases?.paced?.latencyMs?.p50),
        p95: m((r) => r.phases?.paced?.latencyMs?.p95),
        max: m((r) => r.phases?.paced?.latencyMs?.max),
        missing: m((r) => r.phases?.paced?.versionsMissing),
        idleP50: m((r) => r.phases?.single?.latencyMs?.p50),
        early95: m((r) => (perEdit(r) ? p95(perEdit(r).slice(0, 50)) : null)),
        late95: m((r) => (perEdit(r) ? p95(perEdit(r).slice(150, 200)) : null)),
        growthByRep: rs.map((r) => (perEdit(r) ? p95(perEdit(r).slice(150, 200)) / p95(perEdit(r).slice(0, 50)) : null)),
        // The windows of every repetition together (50 × reps edits each): less noise than one run's p95.
        growthPooled: rs.every(perEdit) && rs.length ? p95(rs.flatMap((r) => perEdit(r).slice(150, 200))) / p95(rs.flatMap((r) => perEdit(r).slice(0, 50))) : null,
        // p95 of each 100 edits, all repetitions together (only printed for --edits > 200).
        blocks95: rs.every(perEdit) && rs.length ? Array.from({ length: Math.floor(EDITS / 100) }, (_, i) => p95(rs.flatMap((r) => perEdit(r).slice(i * 100, i * 100 + 100)))) : [],
        firstDx: m((r) => r.firstDiagnostics?.ms),
        diagnostics: m((r) => r.firstDiagnostics?.count),
        cpuPerEdit: m((r) => r.phases?.paced?.server?.cpuMsPerEdit),
        rss: m((r) => r.rssMB?.end),
        peak: m((r) => r.rssMB?.peak),
      });
    }
  return rows;
}

// ------------------------------------------------------------------ 4. in-process core
async function loadCore() {
  const esbuild = await import(pathToFileURL(path.join(ROOT, 'node_modules/esbuild/lib/main.js')).href);
  const outfile = path.join(CACHE, 'core-bench.cjs');
  await (esbuild.default ?? esbuild).build({
    stdin: {
      contents: `export { check, createRegistry, ParseCache } from './server/src/core/index.ts';\nexport { defaultSettings, toCheckOptions } from './server/src/lsp/settings.ts';\n`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile,
    logLevel: 'warning',
  });
  const core = (await import(pathToFileURL(outfile).href)).default;
  const dir = path.join(ROOT, 'server/templates');
  const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => ({ path: `builtin:${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8'), builtin: true }));
  return { core, registry: core.createRegistry(sources), options: core.toCheckOptions(core.defaultSettings) };
}

async function runCore(docs) {
  const { core, registry, options } = await loadCore();
  const { Typist } = await import(pathToFileURL(path.join(TOOL, 'lib/typist.mjs')).href);
  const rows = [];
  for (const d of docs.filter((d) => CORE_PAGES.includes(d.pages))) {
    const text0 = fs.readFileSync(d.file, 'utf8');
    const cache = new core.ParseCache({ tellsEdits: true });
    let t = performance.now();
    const first = core.check(text0, registry, options, cache);
    const cold = performance.now() - t;
    // The same edit script as lspbench (seed 1): its closed-loop phase types 30 edits, then the
    // 200 paced ones; replay both and time the 200, so the windows match the LSP table.
    const typist = new Typist(text0, 1);
    // As the server does, tell the cache where each edit is (offsets in the text before it).
    let before = text0;
    const tell = (ev) => {
      const offsetAt = ({ line, character }) => {
        let o = 0;
        for (let l = 0; l < line; l++) o = before.indexOf('\n', o) + 1;
        return o + character;
      };
      const start = offsetAt(ev.range.start);
      cache.edited(start, offsetAt(ev.range.end) - start, ev.text.length);
      before = typist.text();
      return before;
    };
    for (let i = 0; i < 30; i++) core.check(tell(typist.next()), registry, options, cache);
    const incremental = [];
    const misses = [];
    for (let i = 0; i < EDITS; i++) {
      const text = tell(typist.next());
      t = performance.now();
      core.check(text, registry, options, cache);
      incremental.push(performance.now() - t);
      misses.push(cache.misses);
    }
    // From scratch (no cache) in a second replay, on every n-th edit: slow, and kept apart so that
    // its garbage does not land on the incremental timings.
    const scratch = [];
    const every = QUICK ? 20 : 10;
    const replay = new Typist(text0, 1);
    for (let i = 0; i < 30; i++) replay.next();
    for (let i = 0; i < EDITS; i++) {
      replay.next();
      if (i % every !== every - 1) continue;
      const text = replay.text();
      t = performance.now();
      core.check(text, registry, options);
      scratch.push(performance.now() - t);
    }
    const row = {
      pages: d.pages,
      kb: d.kb,
      template: first.template?.id,
      findings: first.findings.length,
      coldMs: cold,
      incP50: median(incremental),
      incP95: p95(incremental),
      incEarly95: p95(incremental.slice(0, 50)),
      incLate95: p95(incremental.slice(150, 200)),
      scratchP50: median(scratch),
      scratchP95: p95(scratch),
      scratchN: scratch.length,
      chunksReparsed: misses.reduce((a, b) => a + b, 0) / misses.length,
    };
    row.ratio = row.scratchP50 / row.incP50;
    rows.push(row);
    log(`core ${d.pages} p: incremental p50 ${row.incP50.toFixed(2)} ms, from scratch p50 ${row.scratchP50.toFixed(1)} ms`);
  }
  return rows;
}

// ------------------------------------------------------------------ output
const f = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? Math.round(x).toString() : x.toFixed(digits));
const ratio = (a, b) => (a == null || b == null || !b ? '–' : `${(a / b).toFixed(2)}×`);

function printServers(rows) {
  const out = [];
  out.push(`Keystroke latency over LSP stdio (lspbench; ${EDITS} edits, one every ${PACE} ms; ms, medians of ${REPS} run${REPS > 1 ? 's' : ''}).`);
  out.push('latency = didChange written → publishDiagnostics of that version; idle = closed loop (30 edits, server idle before each).');
  out.push('');
  out.push('| pages (KB) | server | p50 | p95 | max | p95 edits 1–50 | p95 edits 150–200 | idle p50 | first diagnostics | CPU ms/edit | RSS MB (peak) |');
  out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    out.push(`| ${r.pages} (${Math.round(r.kb)}) | ${r.server} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${f(r.early95)} | ${f(r.late95)} | ${f(r.idleP50)} | ${f(r.firstDx)} | ${f(r.cpuPerEdit, 2)} | ${f(r.rss, 0)} (${f(r.peak, 0)}) |`);
  out.push('');
  out.push('Ratios decuong / null-ref (the floor):');
  out.push('');
  out.push('| pages | p50 | p95 | max | first diagnostics | RSS | decuong growth (p95 150–200 / 1–50) | diagnostics on open |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of [...new Set(rows.map((r) => r.pages))]) {
    const a = rows.find((r) => r.pages === p && r.server === 'decuong');
    const b = rows.find((r) => r.pages === p && r.server === 'null-ref');
    if (!a || !b) continue;
    out.push(`| ${p} | ${ratio(a.p50, b.p50)} | ${ratio(a.p95, b.p95)} | ${ratio(a.max, b.max)} | ${ratio(a.firstDx, b.firstDx)} | ${ratio(a.rss, b.rss)} | ${ratio(a.late95, a.early95)} | ${a.diagnostics ?? '–'} |`);
  }
  // A p95 of 50 edits is their third slowest: one or two slow keystrokes decide it. The floor's own
  // windows show how much of that is the machine and the harness.
  const byRep = (r) => r.growthByRep.map((g) => (g == null ? '–' : `${g.toFixed(2)}×`)).join(', ');
  const growth = [...new Set(rows.map((r) => r.pages))].flatMap((p) => {
    const a = rows.find((r) => r.pages === p && r.server === 'decuong');
    const b = rows.find((r) => r.pages === p && r.server === 'null-ref');
    return a && b && a.growthByRep.length > 1 ? [`${p} p: ${byRep(a)} (floor ${byRep(b)})`] : [];
  });
  if (growth.length) out.push('', `Growth by repetition, decuong (the floor's in brackets): ${growth.join('; ')}.`);
  const pooled = [...new Set(rows.map((r) => r.pages))].flatMap((p) => {
    const a = rows.find((r) => r.pages === p && r.server === 'decuong');
    const b = rows.find((r) => r.pages === p && r.server === 'null-ref');
    return a?.growthPooled && b?.growthPooled && a.reps > 1 ? [`${p} p: ${a.growthPooled.toFixed(2)}× (floor ${b.growthPooled.toFixed(2)}×)`] : [];
  });
  if (pooled.length) out.push('', `Growth with the repetitions pooled (p95 of all their edits 150–200 / of all their edits 1–50): ${pooled.join('; ')}.`);
  if (EDITS > 200) {
    out.push('', `A long typing session: p95 of every 100 edits (1–100, 101–200, …, all repetitions together), ms:`, '');
    for (const r of rows) if (r.blocks95.length) out.push(`- ${r.server} ${r.pages} p: ${r.blocks95.map((x) => f(x)).join(', ')} (last / first ${ratio(r.blocks95.at(-1), r.blocks95[0])})`);
  }
  if (LOADS.length) out.push('', `1-minute load average around the runs: ${Math.min(...LOADS).toFixed(2)}–${Math.max(...LOADS).toFixed(2)} on ${os.cpus().length} cores (above ~0.5 per core, expect other work in the tails).`);
  const missing = rows.filter((r) => r.missing);
  if (missing.length) out.push('', 'Versions without diagnostics: ' + missing.map((r) => `${r.server} ${r.pages} p: ${r.missing}`).join(', '));
  return out.join('\n');
}

function printCore(rows) {
  const out = [];
  out.push(`Per-keystroke cost of core.check in-process (the same ${EDITS} edits as the paced phase, after its 30 closed-loop ones; ms). incremental = with the document's ParseCache (as the server); from scratch = no cache (every ${QUICK ? 20 : 10}th edit).`);
  out.push('');
  out.push('| pages (KB) | first check (cold) | incremental p50 | incremental p95 | p95 edits 1–50 / 150–200 | chunks re-parsed per edit | from scratch p50 | from scratch p95 | scratch / incremental |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    out.push(`| ${r.pages} (${Math.round(r.kb)}) | ${f(r.coldMs)} | ${f(r.incP50, 2)} | ${f(r.incP95, 2)} | ${f(r.incEarly95, 2)} / ${f(r.incLate95, 2)} | ${f(r.chunksReparsed, 2)} | ${f(r.scratchP50)} | ${f(r.scratchP95)} | ${f(r.ratio)}× |`);
  return out.join('\n');
}

// ------------------------------------------------------------------ main
const t0 = Date.now();
const LOAD0 = os.loadavg()[0];
/** What was measured: the commit (and whether the tree had changes) and when dist/server.js was built. */
const REV = (() => {
  const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const built = fs.existsSync(SERVER) ? `dist/server.js built ${fs.statSync(SERVER).mtime.toISOString().slice(0, 16).replace('T', ' ')}` : 'no dist/server.js';
  return `${git('rev-parse', '--short', 'HEAD') || '?'}${git('status', '--porcelain', '--untracked-files=no') ? ' (modified)' : ''}, ${built}`;
})();
prepareTool();
const docs = generateDocs();
if (has('docs-only')) {
  for (const d of docs) process.stdout.write(`${d.file}\n`);
  process.exit(0);
}
if (!has('skip-lsp') && !fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
if (!has('skip-lsp')) {
  const newest = (dir) => fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).reduce((m, e) => Math.max(m, fs.statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs), 0);
  if (Math.max(newest(path.join(ROOT, 'server/src')), newest(path.join(ROOT, 'server/templates'))) > fs.statSync(SERVER).mtimeMs) log('warning: server/src is newer than dist/server.js — the server measured is not the source you have (npm run build)');
}
const result = { when: new Date().toISOString(), rev: REV, node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, reps: REPS, servers: undefined, core: undefined };
const sections = [];
if (!has('skip-lsp')) {
  result.servers = runServers(docs);
  sections.push(printServers(result.servers));
}
if (!has('skip-core')) {
  result.core = await runCore(docs);
  sections.push(printCore(result.core));
}
fs.mkdirSync(RUN, { recursive: true });
fs.writeFileSync(path.join(RUN, 'summary.json'), JSON.stringify(result, null, 2) + '\n');
if (arg('json')) fs.writeFileSync(path.resolve(arg('json')), JSON.stringify(result, null, 2) + '\n');
const load = `load average ${LOAD0.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}`;
const head = `${result.when.slice(0, 10)} · ${os.cpus().length} cores (${result.cpuModel ?? '?'}) · Node ${process.version} · ${REV} · ${load} · ${((Date.now() - t0) / 1000).toFixed(0)} s · raw JSON in ${path.relative(ROOT, RUN)}`;
process.stdout.write(`\n${head}\n\n${sections.join('\n\n')}\n`);
