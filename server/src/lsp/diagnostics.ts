import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Runs a check per document as soon as the server is free — no fixed delay, which would be latency
 * the author feels. Edits that arrive while a check runs only mark the document dirty, so the next
 * run sees the newest version; a result whose version moved on meanwhile is never published.
 */
export class DiagnosticsScheduler {
  readonly #dirty = new Set<string>();
  #running = false;

  constructor(
    private readonly connection: Connection,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    /** Computes diagnostics for a document; may await settings. */
    private readonly compute: (doc: TextDocument) => Promise<import('vscode-languageserver/node').Diagnostic[] | undefined>,
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

  async #drain(): Promise<void> {
    try {
      while (this.#dirty.size) {
        const uri = this.#dirty.values().next().value as string;
        this.#dirty.delete(uri);
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
        // Let queued didChange notifications land before the next check, so they merge.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.#running = false;
      if (this.#dirty.size) this.schedule(this.#dirty.values().next().value as string);
    }
  }
}
