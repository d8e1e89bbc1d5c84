// The demo's mail catcher: an SMTP server on loopback that keeps what the API sends (the
// emailed sign-in codes) in memory, and an inbox page the demo serves at /mail/ — so a
// newcomer can sign in with a code without a real mailbox.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const KEEP = 50;

const escapeHtml = (text) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );

/** Starts the catcher on host:port; `routes` answers GET /mail/ and /mail/messages.json. */
export async function startMailCatcher({ host, port }) {
  const inbox = [];
  /** Parses a received mail and keeps what the inbox page shows, the newest first. */
  async function keep(stream) {
    const mail = await simpleParser(stream);
    inbox.unshift({
      to: mail.to?.text ?? '',
      subject: mail.subject ?? '',
      date: (mail.date ?? new Date()).toISOString(),
      text: mail.text ?? '',
    });
    inbox.length = Math.min(inbox.length, KEEP);
  }
  // Loopback only, for the demo: no TLS, no login.
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, done) => keep(stream).then(() => done(), done),
  });
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, resolve);
  });

  function page() {
    const items = inbox.map(
      (m) => `<article class="panel"><h2>${escapeHtml(m.subject)}</h2>
<p class="muted">To ${escapeHtml(m.to)} · ${escapeHtml(m.date)}</p>
<pre>${escapeHtml(m.text)}</pre></article>`,
    );
    return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mail inbox · Kiosk demo</title></head>
<body><main><h1>Mail inbox</h1>
<p>Every mail the demo API sent (newest first, the last ${KEEP}). Reload to see new ones.</p>
${items.join('\n') || '<p class="muted">No mail yet.</p>'}</main></body></html>`;
  }

  async function routes(req, res) {
    const path = req.url?.split('?')[0];
    if (req.method !== 'GET' || (path !== '/mail/' && path !== '/mail/messages.json')) return false;
    const json = path.endsWith('.json');
    res.writeHead(200, {
      'Content-Type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(json ? JSON.stringify(inbox) : page());
    return true;
  }

  return {
    smtpUrl: `smtp://${host.includes(':') ? `[${host}]` : host}:${port}`,
    routes,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
