import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument } from '../../server/src/lsp/pieceDocument.ts';

/** Text with every kind of line break, pairs cut by edits included. */
const textArb = fc.array(fc.constantFrom('a', 'ệ', ' ', '\n', '\r', '\r\n', '\n\n', 'ab\r\n', '\uD83D\uDE00'), { maxLength: 60 }).map((p) => p.join(''));
const posArb = fc.record({ line: fc.integer({ min: -1, max: 25 }), character: fc.integer({ min: -1, max: 12 }) });
/** A change as a client sends one: a range of the text as it is (ends in any order), or the whole text. */
const changeArb = fc.oneof(
  { weight: 9, arbitrary: fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ text: textArb }) },
);
type ChangeSpec = { from?: number; to?: number; text: string };


test('a piece document answers as vscode-languageserver’s TextDocument after any changes', () => {
  fc.assert(
    fc.property(textArb, fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), fc.array(posArb, { maxLength: 6 }), (start, batches, probes) => {
      const reference = TextDocument.create('file:///r.md', 'markdown', 1, start);
      // Pieces of a few units, so that line breaks and edits fall across them.
      const pieced = new PieceDocument('file:///r.md', 'markdown', 1, start, 5);
      let version = 1;
      const compare = () => {
        assert.equal(pieced.getText(), reference.getText());
        assert.equal(pieced.text.slice(), reference.getText());
        assert.equal(pieced.lineCount, reference.lineCount);
        for (let l = -1; l <= reference.lineCount; l++) {
          assert.deepEqual(pieced.getLineRange(l), reference.getLineRange(l), `line range ${l}`);
          assert.equal(pieced.getEOLCharacters(l), reference.getEOLCharacters(l), `line end ${l}`);
        }
        for (let o = -1; o <= reference.getText().length + 1; o++) assert.deepEqual(pieced.positionAt(o), reference.positionAt(o), `positionAt ${o}`);
        for (const p of probes) {
          assert.equal(pieced.offsetAt(p), reference.offsetAt(p), `offsetAt ${JSON.stringify(p)}`);
          assert.equal(pieced.getText({ start: { line: 0, character: 0 }, end: p }), reference.getText({ start: { line: 0, character: 0 }, end: p }));
        }
      };
      compare();
      for (const batch of batches as ChangeSpec[][]) {
        version++;
        // Each change's positions in the text as the changes before it in the batch left it.
        const shadow = TextDocument.create('file:///s.md', 'markdown', 1, reference.getText());
        const changes = batch.map((c) => {
          const length = shadow.getText().length;
          const at = (f: number) => shadow.positionAt(Math.round(f * length));
          const change = c.from === undefined ? { text: c.text } : { range: { start: at(c.from), end: at(c.to!) }, text: c.text };
          TextDocument.update(shadow, [change], 2);
          return change;
        });
        TextDocument.update(reference, changes, version);
        PieceDocument.update(pieced, changes, version);
        assert.equal(pieced.version, version);
        compare();
      }
    }),
    { numRuns: 1500 },
  );
});
