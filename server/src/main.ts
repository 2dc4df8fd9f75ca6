import { createConnection, ProposedFeatures, StreamMessageReader, type Connection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { SingleWriteMessageWriter } from './lsp/stdioWriter';

// `--stdio`, `--node-ipc` or `--socket=` on the command line choose the transport.
const connection: Connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
console.log = console.info = console.debug = connection.console.log.bind(connection.console);
console.warn = connection.console.warn.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${String(e)}`));
startServer(connection);

/**
 * Over stdio each message is written in one piece (see SingleWriteMessageWriter). Given its own
 * reader and writer the library no longer watches stdin, so the server exits here when its client
 * goes away, as the library would: 0 after a shutdown request, 1 otherwise.
 */
function stdioConnection(): Connection {
  const c = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new SingleWriteMessageWriter(process.stdout));
  let shutdown = false;
  c.onShutdown(() => {
    shutdown = true;
  });
  const leave = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', leave);
  process.stdin.on('close', leave);
  return c;
}
