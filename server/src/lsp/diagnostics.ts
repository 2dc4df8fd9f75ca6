import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Runs a check per document as soon as the server is free — no fixed delay, which would be latency
 * the author feels. Edits that arrive while a check runs only mark the document dirty, so the next
 * run sees the newest version; a result whose version moved on meanwhile is never published.
 */
export class DiagnosticsScheduler<D extends TextDocument = TextDocument> {
  readonly #dirty = new Set<string>();
  #running = false;

  constructor(
    private readonly connection: Connection,
    private readonly getDocument: (uri: string) => D | undefined,
    /** Computes diagnostics for a document; may await settings. */
    private readonly compute: (doc: D) => Promise<import('vscode-languageserver/node').Diagnostic[] | undefined>,
    /** Runs once the queue is empty after checks (on the next turn: the diagnostics are written first). */
    private readonly onIdle?: () => void,
  ) {}

  schedule(uri: string): void {
    this.#dirty.add(uri);
    if (!this.#running) {
      this.#running = true;
      setImmediate(() => void this.#drain());
    }
  }

  scheduleAll(uris: Iterable<string>): void {
    for (const uri of uris) this.schedule(uri);
  }

  forget(uri: string): void {
    this.#dirty.delete(uri);
  }

  /**
   * Lets the edits already received land before a check, so that a burst is checked once at its
   * newest version. The connection hands on one queued message per turn of the event loop, so the
   * version is read again after two turns until it stops moving; without a burst this costs two
   * turns (microseconds), not a delay. False when the document was closed meanwhile.
   */
  async #settled(uri: string): Promise<boolean> {
    const turn = () => new Promise((r) => setImmediate(r));
    for (;;) {
      const before = this.getDocument(uri)?.version;
      await turn();
      await turn();
      const after = this.getDocument(uri)?.version;
      if (after === undefined) return false;
      if (after === before) return true;
    }
  }

  async #drain(): Promise<void> {
    try {
      while (this.#dirty.size) {
        const uri = this.#dirty.values().next().value as string;
        const open = await this.#settled(uri);
        // Edits that landed while settling are in this check: they need no run of their own.
        this.#dirty.delete(uri);
        if (!open) continue;
        const doc = this.getDocument(uri);
        if (!doc) continue;
        const version = doc.version;
        let diagnostics;
        try {
          diagnostics = await this.compute(doc);
        } catch (e) {
          this.connection.console.error(`decuong: check failed for ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
          continue;
        }
        const current = this.getDocument(uri);
        if (!current || current.version !== version || !diagnostics) continue; // stale: a newer run is queued
        await this.connection.sendDiagnostics({ uri, version, diagnostics });
      }
    } finally {
      this.#running = false;
      if (this.#dirty.size) this.schedule(this.#dirty.values().next().value as string);
      else if (this.onIdle) setImmediate(() => {
        if (!this.#running) this.onIdle!();
      });
    }
  }
}
