import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, estimatePages, ParseCache } from '../../server/src/core/index.ts';
import { builtinRegistry, readFixture } from '../helpers.ts';

/** Small seeded PRNG so the edit script is the same on every run (CI uses the fixed seed). */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'ệ', 'ư', ' ', '.', '…', '\n', '\n\n', '# ', '## ', '### II. ', '\n## 3. Mục mới\n', '.....', '__', '```\n', '**', '1. ', '---\n', '(Địa danh)', 'I.'];

/** Strips what may legitimately differ between runs (nothing should): compare whole findings. */
const snapshot = (r: ReturnType<typeof check>) => JSON.stringify({ findings: r.findings, template: r.template?.id, sections: r.outline.all.map((s) => [s.heading.offset, s.heading.text, s.level]) });

test('incremental checking gives exactly the from-scratch result after every one of 2 000 random edits', () => {
  const random = mulberry32(20261124);
  const docs = [readFixture('complete', 'so-ket-giua-nhiem-ky-2019-2024.md'), readFixture('seeds', '004-kiem-diem-tap-the-ban-thuong-truc.md')];
  let edits = 0;
  for (const start of docs) {
    let text = start;
    const cache = new ParseCache();
    const options = { placeholders: ['X{3,}'] };
    check(text, builtinRegistry(), options, cache);
    for (let i = 0; i < 1000; i++) {
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.35 && text.length > 10) {
        const len = 1 + Math.floor(random() * 12);
        text = text.slice(0, at) + text.slice(at + len);
      } else {
        text = text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at);
      }
      const incremental = check(text, builtinRegistry(), options, cache);
      const fresh = check(text, builtinRegistry(), options);
      assert.equal(snapshot(incremental), snapshot(fresh), `edit ${i}`);
      // The page estimate from trees handed on by the parse equals a layout that parses itself.
      if (i % 50 === 0) assert.deepEqual(incremental.pages, estimatePages(text), `pages at edit ${i}`);
      edits++;
    }
  }
  assert.equal(edits, 2000);
});
