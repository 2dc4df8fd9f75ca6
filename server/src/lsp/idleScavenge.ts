import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Collects the young generation while the server waits for the next keystroke, when the next
 * check would fill it: a scavenge (1–3 ms at 300 pages) then lands between keystrokes instead of
 * inside the next check's latency. Each keystroke allocates the document's new text (V8 flattens
 * it: ≈ 1.8 MB at 300 pages, in the young large-object space) and the check's own objects; the
 * young generation is collected when these reach its capacity, every ~9 keystrokes at 300 pages.
 * Only when due: collecting after every check would promote the caches sooner, and the old
 * generation would then need full collections (docs/performance.md).
 */
export class IdleScavenger {
  #gc: ((options: { type: 'minor' }) => void) | undefined | null;
  #lastUsed = 0;
  /** The young bytes a check has added, the largest of the recent ones (decays). */
  #perCheck = 0;

  /** After a check, with no other queued: scavenge now if the next check would trigger one. */
  afterCheck(): void {
    const { used, capacity } = young();
    const grown = used - this.#lastUsed;
    this.#perCheck = Math.max(grown > 0 ? grown : 0, this.#perCheck * 0.9);
    if (used + this.#perCheck * 1.2 < capacity) {
      this.#lastUsed = used;
      return;
    }
    this.#collect();
    this.#lastUsed = young().used;
  }

  #collect(): void {
    if (this.#gc === undefined) {
      try {
        setFlagsFromString('--expose-gc');
        this.#gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
      } catch {
        this.#gc = null;
      }
    }
    this.#gc?.({ type: 'minor' });
  }
}

/** Bytes in the young generation and what it holds before a scavenge (one semi-space). */
export function young(): { used: number; capacity: number } {
  let used = 0;
  let capacity = 0;
  for (const s of getHeapSpaceStatistics()) {
    if (s.space_name === 'new_space') {
      used += s.space_used_size;
      capacity = s.space_size / 2;
    } else if (s.space_name === 'new_large_object_space') used += s.space_used_size;
  }
  return { used, capacity };
}
