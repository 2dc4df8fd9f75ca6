import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/**
 * Writes each JSON-RPC message to a stream in a single write, header and body together. The
 * library's stream writer writes the header, waits for it, then writes the body: two system calls
 * and two wake-ups of the reading editor per message, which a stdio client feels on every
 * keystroke's diagnostics. Writes keep their order, as the stream keeps the order of its writes.
 */
export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  #errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: unknown) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let frame: Buffer;
    try {
      frame = frameOf(msg);
    } catch (e) {
      this.fireError(e, msg, ++this.#errors);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.out.write(frame, (error) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.#errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}

/** `Content-Length: <bytes>\r\n\r\n<JSON>`: the length counts UTF-8 bytes, not characters. */
export function frameOf(msg: Message): Buffer {
  const json = JSON.stringify(msg);
  const length = Buffer.byteLength(json, 'utf8');
  const header = `Content-Length: ${length}\r\n\r\n`;
  const frame = Buffer.allocUnsafe(header.length + length);
  frame.write(header, 0, 'ascii');
  frame.write(json, header.length, 'utf8');
  return frame;
}
