import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PieceText } from '../../server/src/core/text.ts';

/** Text of few letters (so that searches find something), Vietnamese and line breaks among them. */
const textArb = fc.array(fc.constantFrom('a', 'b', 'ệ', '\n', '\r\n', ' ', '#', 'ab', '\uD83D\uDE00'), { maxLength: 80 }).map((p) => p.join(''));
const needleArb = fc.array(fc.constantFrom('a', 'b', 'ệ', '\n', '\r', ' ', '#'), { maxLength: 5 }).map((p) => p.join(''));
/** Positions as callers pass them: in range, out of range, negative, fractional, NaN, missing. */
const indexArb = fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom(undefined, NaN, Infinity, -Infinity, 2.5));

/** A piece text of `text` cut at random places (empty pieces included). */
const piecedArb = textArb.chain((text) =>
  fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }).map((cuts) => {
    const at = [0, ...cuts.sort((x, y) => x - y), text.length];
    return { text, pieced: new PieceText(at.slice(1).map((end, i) => text.slice(at[i], end)), 7) };
  }),
);

test('a piece text reads as the string it holds: slice, charCodeAt, charAt, indexOf, lastIndexOf, includes', () => {
  fc.assert(
    fc.property(piecedArb, needleArb, indexArb, indexArb, ({ text, pieced }, needle, i, j) => {
      assert.equal(pieced.length, text.length);
      assert.equal(pieced.slice(i, j), text.slice(i, j));
      assert.equal(pieced.slice(i), text.slice(i));
      assert.deepEqual(pieced.charCodeAt(i as number), text.charCodeAt(i as number));
      assert.equal(pieced.charAt(i as number), text.charAt(i as number));
      assert.equal(pieced.indexOf(needle, i), text.indexOf(needle, i), `indexOf ${JSON.stringify(needle)} from ${i}`);
      assert.equal(pieced.lastIndexOf(needle, i), text.lastIndexOf(needle, i), `lastIndexOf ${JSON.stringify(needle)} from ${i}`);
      assert.equal(pieced.includes(needle), text.includes(needle));
    }),
    { numRuns: 3000 },
  );
});

test('edits of a piece text give the text a string edit gives, pieces within bounds, no joining', () => {
  const editArb = fc.record({ at: fc.nat(), removed: fc.nat({ max: 30 }), inserted: fc.oneof(textArb, fc.constant('')) });
  fc.assert(
    fc.property(textArb, fc.array(editArb, { maxLength: 40 }), (start, edits) => {
      let text = start;
      let pieced = PieceText.of(start, 7);
      const joins = PieceText.joins;
      for (const e of edits) {
        const from = e.at % (text.length + 1);
        const to = Math.min(text.length, from + e.removed);
        text = text.slice(0, from) + e.inserted + text.slice(to);
        pieced = pieced.replace(from, to, e.inserted);
        assert.equal(pieced.pieces.join(''), text);
        for (const p of pieced.pieces) assert.ok(p.length > 0 && p.length <= 7, `piece of ${p.length}`);
      }
      assert.equal(PieceText.joins, joins, 'reading pieces joins nothing');
      assert.equal(pieced.toString(), text);
    }),
    { numRuns: 1000 },
  );
});
