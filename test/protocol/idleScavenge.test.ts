// The idle scavenger: when the young generation is nearly full after a check, it is collected
// then, between keystrokes, rather than inside the next check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdleScavenger, young } from '../../server/src/lsp/idleScavenge.ts';

test('a young generation nearly full after a check is collected at once; one far from full is left alone', () => {
  const scavenger = new IdleScavenger();
  scavenger.afterCheck();
  let sink: unknown[] = [];
  // Garbage in small steps until the young generation is about 85 % full (a scavenge V8 starts
  // on its own meanwhile empties it: keep filling).
  for (let guard = 0; guard < 1_000_000; guard++) {
    const { used, capacity } = young();
    if (used > capacity * 0.85) break;
    sink = Array.from({ length: 64 }, (_, i) => ({ i, s: `x${i}` }));
  }
  const before = young();
  assert.ok(before.used > before.capacity * 0.85, 'filled');
  scavenger.afterCheck();
  const after = young();
  assert.ok(after.used < before.used / 2, `collected: ${before.used} → ${after.used} of ${before.capacity}`);
  // Right after, with little allocated since, nothing is collected.
  const little = Array.from({ length: 10 }, (_, i) => ({ i }));
  const quiet = young();
  scavenger.afterCheck();
  assert.ok(young().used >= quiet.used, 'left alone');
  assert.ok(sink.length + little.length > 0);
});
