import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

// `--stdio`, `--node-ipc` or `--socket=` on the command line choose the transport.
const connection = createConnection(ProposedFeatures.all);
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${String(e)}`));
startServer(connection);
