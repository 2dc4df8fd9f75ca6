import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimatePages } from '../../server/src/core/pages.ts';
import { ROOT } from '../helpers.ts';

// The page estimate against the real typesetter (shared/tools/pagecount: pandoc + LibreOffice),
// from the answers cached by scripts/pages-accuracy.mjs, so that this runs without LibreOffice.
// Key format, files and settings must stay the same as in that script.

const DIRS = ['examples', 'test/fixtures/seeds', 'test/fixtures/complete', 'test/fixtures/pages'];
const SIZES = [13, 14];
const SPACINGS = ['1.0', '1.15', '1.3', '1.5'];
const FIXED = 'margins=20,20,30,15 after=6 indent=1 lists=admin';
const CACHE = join(ROOT, 'test/fixtures/pagecount-cache.json');

interface Answer {
  file: string;
  pages: number;
  decimal: number;
}

test('page estimate vs LibreOffice on every report: ≥ 95 % page counts equal, never off by more than one, mean |Δdecimal| ≤ 0.05', () => {
  const entries: Record<string, Answer> = existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')).entries : {};
  const missing: string[] = [];
  const rows: Array<{ what: string; ref: Answer; est: { pages: number; decimal: number } }> = [];
  for (const dir of DIRS) {
    for (const name of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.md')).sort()) {
      const bytes = readFileSync(join(ROOT, dir, name));
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
      const text = bytes.toString('utf8');
      for (const size of SIZES) {
        for (const spacing of SPACINGS) {
          const what = `${dir}/${name} ${size} pt ${spacing}`;
          const ref = entries[`${hash} size=${size} spacing=${spacing} ${FIXED}`];
          if (!ref) {
            missing.push(what);
            continue;
          }
          rows.push({ what, ref, est: estimatePages(text, { fontSize: size, lineSpacing: Number(spacing) }) });
        }
      }
    }
  }
  assert.deepEqual(missing, [], `LibreOffice's answer is not cached for ${missing.length} runs: run node scripts/pages-accuracy.mjs (needs pandoc, libreoffice-writer-nogui, poppler-utils, fonts-liberation2)`);
  assert.ok(rows.length >= 19 * 8, `${rows.length} runs`);
  const exact = rows.filter((r) => r.est.pages === r.ref.pages).length;
  const worst = rows.reduce((a, r) => (Math.abs(r.est.pages - r.ref.pages) > Math.abs(a.est.pages - a.ref.pages) ? r : a), rows[0]!);
  const mean = rows.reduce((a, r) => a + Math.abs(r.est.decimal - r.ref.decimal), 0) / rows.length;
  const off = rows.filter((r) => r.est.pages !== r.ref.pages).map((r) => `${r.what}: ${r.ref.pages} vs ${r.est.pages}`);
  assert.ok(exact / rows.length >= 0.95, `page count equal in ${exact} of ${rows.length}:\n${off.join('\n')}`);
  assert.ok(Math.abs(worst.est.pages - worst.ref.pages) <= 1, `${worst.what}: LibreOffice ${worst.ref.pages}, estimate ${worst.est.pages}`);
  assert.ok(mean <= 0.05, `mean |decimal difference| ${mean.toFixed(3)}`);
});
