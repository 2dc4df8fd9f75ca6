import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers.ts';

/** A real `node dist/server.js --stdio` child and a client connection to it. */
export interface ServerUnderTest {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** Resolves with the first publication for `uri` that satisfies `pred` (already received or future). */
  waitFor(uri: string, pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  notifications: Array<{ method: string; params: unknown }>;
  /** Every `workspace/applyEdit` the server asked for (each answered as applied). */
  appliedEdits: Array<{ label?: string; edit: unknown }>;
  stop(): Promise<void>;
}

export async function startServer(options: { settings?: Record<string, unknown>; workspaceFolder?: string; locale?: string } = {}): Promise<ServerUnderTest> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const notifications: ServerUnderTest['notifications'] = [];
  const waiters: Array<{ uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('decuong/reportInfo', (params: unknown) => { notifications.push({ method: 'decuong/reportInfo', params }); });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  const appliedEdits: ServerUnderTest['appliedEdits'] = [];
  connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: unknown }) => {
    appliedEdits.push(params);
    return { applied: true };
  });
  connection.listen();
  const folder = options.workspaceFolder;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? `file://${folder}` : null,
    workspaceFolders: folder ? [{ uri: `file://${folder}`, name: 'ws' }] : null,
    locale: options.locale ?? 'en',
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    published,
    notifications,
    appliedEdits,
    waitFor(uri, pred, timeoutMs = 10_000) {
      const seen = published.find((p) => p.uri === uri && pred(p));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got versions ${published.filter((p) => p.uri === uri).map((p) => p.version).join(',')}`)), timeoutMs);
        waiters.push({ uri, pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    async stop() {
      // A server that has gone, or does not answer, must not hold the test process open: the
      // shutdown is waited for at most 5 s (and said when it was not answered), then the child
      // and its pipes are closed whatever happened.
      if (child.exitCode === null && child.signalCode === null) {
        let timer: NodeJS.Timeout | undefined;
        const answered = await Promise.race([
          connection.sendRequest('shutdown').then(() => true, () => true),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5000))),
        ]);
        clearTimeout(timer);
        if (answered) await connection.sendNotification('exit').catch(() => undefined);
        else console.error(`decuong protocol tests: server ${child.pid} did not answer shutdown within 5 s`);
      }
      connection.dispose();
      child.kill();
      child.stdin?.destroy();
      child.stdout?.destroy();
    },
  };
}
