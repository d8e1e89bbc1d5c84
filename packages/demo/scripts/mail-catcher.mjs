// The demo's mail catcher: an SMTP server on loopback that keeps what the API sends (the
// emailed sign-in codes) in memory, and an inbox page the demo serves at /mail/ — so a
// newcomer can sign in with a code without a real mailbox.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const KEEP = 50;

/** Text made safe inside HTML (element content and quoted attributes). */
export const escapeHtml = (text) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );

/**
 * An inbox's routes on the demo server: GET <path> (the page `page()` writes) and
 * GET <path>messages.json (`list()`, for the tests).
 */
export function inboxRoutes(path, list, page) {
  return async (req, res) => {
    const asked = req.url?.split('?')[0];
    if (req.method !== 'GET' || (asked !== path && asked !== `${path}messages.json`)) return false;
    const json = asked.endsWith('.json');
    res.writeHead(200, {
      'Content-Type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(json ? JSON.stringify(list()) : page());
    return true;
  };
}

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

  return {
    smtpUrl: `smtp://${host.includes(':') ? `[${host}]` : host}:${port}`,
    routes: inboxRoutes('/mail/', () => inbox, page),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
