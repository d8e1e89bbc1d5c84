// A real SMTP server on loopback that accepts every mail and keeps it (raw, in memory), for the
// SDK and element tests whose server sends mail (double opt-in, sign-in codes). The server's
// own tests parse mail with their mailbox (packages/server/test/mailbox.ts).
import { SMTPServer } from 'smtp-server';

/** @returns {Promise<{ smtpUrl: string, received: string[], close: () => Promise<void> }>} */
export async function startMailSink() {
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        raw += chunk;
      });
      stream.on('end', () => {
        received.push(raw);
        done();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
