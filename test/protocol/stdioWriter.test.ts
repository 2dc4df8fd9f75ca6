import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import test from 'node:test';
import { StreamMessageReader, type Message, type NotificationMessage, type ResponseMessage } from 'vscode-languageserver/node';
import { SingleWriteMessageWriter } from '../../server/src/lsp/stdioWriter';

test('over stdio each message is one write, its length counted in UTF-8 bytes, and the library reads it back in order', async () => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new SingleWriteMessageWriter(out);
  const messages: Array<NotificationMessage | ResponseMessage> = [
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///b%C3%A1o-c%C3%A1o.md', diagnostics: [{ message: 'Thiếu mục “II. NHIỆM VỤ, GIẢI PHÁP”' }] } },
    { jsonrpc: '2.0', id: 7, result: { text: 'Tổ chức thực hiện' } },
    { jsonrpc: '2.0', method: 'x', params: { nfd: 'Tổ chức'.normalize('NFD') } },
  ];
  for (const m of messages) await writer.write(m);
  assert.equal(chunks.length, messages.length, 'one chunk per message');
  chunks.forEach((chunk, i) => {
    const text = chunk.toString('utf8');
    const [header, body] = text.split('\r\n\r\n') as [string, string];
    assert.equal(header, `Content-Length: ${Buffer.byteLength(body, 'utf8')}`);
    assert.ok(Buffer.byteLength(body, 'utf8') > body.length, 'the body has multi-byte characters');
    assert.deepEqual(JSON.parse(body), messages[i]);
  });

  // What the editor's side of the pipe reads: the same messages, in order.
  const pipe = new PassThrough();
  const read: Message[] = [];
  new StreamMessageReader(pipe).listen((m) => read.push(m));
  pipe.end(Buffer.concat(chunks));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(read, messages);
});

test('a write to a closed stream is reported as an error, not lost silently', async () => {
  const out = new PassThrough();
  const writer = new SingleWriteMessageWriter(out);
  const errors: Error[] = [];
  writer.onError(([e]) => errors.push(e));
  out.destroy();
  await assert.rejects(writer.write({ jsonrpc: '2.0' }));
  assert.ok(errors.length >= 1);
});
