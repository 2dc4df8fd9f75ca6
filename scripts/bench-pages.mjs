// Benchmark (not a test) of the page estimate while typing: the cost of re-estimating after one
// keystroke with the per-document LayoutCache, as a ratio to a full layout of the same text, on a
// 15-page and a 300-page report made by repeating the examples. Figures are machine-dependent;
// only the ratio means something.
//   node scripts/bench-pages.mjs [--keystrokes N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = join(import.meta.dirname, '..');
const { estimatePages, LayoutCache } = await tsImport('../server/src/core/pages.ts', import.meta.url);

const at = process.argv.indexOf('--keystrokes');
const KEYSTROKES = at > 0 ? Number(process.argv[at + 1]) || 200 : 200;

const dir = join(root, 'examples');
const bodies = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));

/** The examples repeated until the report reaches `pages` (14 pt, single spacing). */
function report(pages) {
  let text = '---\ndecuong: so-ket-giua-nhiem-ky-2019-2024\ncap: xa\n---\n';
  let i = 0;
  while (estimatePages(text).pages < pages) {
    // numbered headings, so that no two chunks are the same text (a real report repeats nothing)
    text += '\n' + bodies[i % bodies.length].replace(/^(#{1,6} .*)$/gm, `$1 (${i + 1})`);
    i++;
  }
  return text;
}

const time = (fn, n) => {
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < n; k++) fn(k);
  return Number(process.hrtime.bigint() - t0) / 1e6 / n;
};

console.log(`keystrokes per measure: ${KEYSTROKES}`);
console.log('report        chars   pages  full layout  keystroke  ratio   chunks laid out per keystroke');
for (const target of [15, 300]) {
  const base = report(target);
  const est = estimatePages(base);
  // keystrokes: one character typed into paragraphs spread over the report, one at a time
  const spots = [];
  for (let k = 0; k < 50; k++) {
    const p = base.indexOf('\n\n', Math.floor((base.length * (k + 0.5)) / 50));
    spots.push(p < 0 ? base.length : p);
  }
  let text = base;
  const type = (k) => {
    const pos = spots[k % spots.length] + Math.floor(k / spots.length);
    text = text.slice(0, pos) + 'a' + text.slice(pos);
    return text;
  };
  // warm up (JIT) and fill the cache
  const cache = new LayoutCache();
  for (let k = 0; k < 20; k++) estimatePages(type(k), {}, cache);
  let misses = 0;
  const keystroke = time((k) => {
    estimatePages(type(k), {}, cache);
    misses += cache.misses;
  }, KEYSTROKES);
  const fullRuns = Math.max(3, Math.round(KEYSTROKES / (target >= 300 ? 40 : 4)));
  const full = time(() => estimatePages(text), fullRuns);
  console.log(
    `${String(target).padStart(3)} pages  ${String(base.length).padStart(8)}  ${String(est.pages).padStart(5)}  ${full.toFixed(2).padStart(8)} ms  ${keystroke.toFixed(3).padStart(7)} ms  ${(keystroke / full).toFixed(3)}   ${(misses / KEYSTROKES).toFixed(2)}`,
  );
}
