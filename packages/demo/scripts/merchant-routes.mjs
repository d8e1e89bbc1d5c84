// The merchant page's server side (merchant.html): "send a promotion" posts here, and this
// calls the admin API with the store's secret key, which never reaches a page. A brand's own
// back office would do the same from its server.
//
//   POST /merchant/campaigns       { title, body, product? } → POST /admin/v1/campaigns
//   GET  /merchant/campaigns/<id>  → GET /admin/v1/campaigns/<id> (the counts)
//   GET  /merchant/reports/creators?from=&to=  → GET /admin/v1/reports/creators (Analytics)
//   GET  /merchant/reports/funnel?from=&to=    → GET /admin/v1/reports/funnel
//   POST /merchant/creators/<ref>/link         → POST /admin/v1/creators/<ref>/link
//
// Answers are the API's, status and JSON as they came.

const MAX_BODY = 16 * 1024;
const REPORT = /^\/merchant\/reports\/(creators|funnel)$/;
const CREATOR_LINK = /^\/merchant\/creators\/([^/]+)\/link$/;

/** Only the report's period goes on to the API (the API validates the dates themselves). */
function period(url) {
  const query = new URL(url, 'http://merchant.invalid').searchParams;
  const kept = new URLSearchParams();
  for (const name of ['from', 'to']) {
    if (query.has(name)) kept.set(name, query.get(name));
  }
  return kept.toString();
}

/** The routes for `apiUrl`'s store of `secretKey`; `(req, res) => boolean` like the others. */
export function merchantRoutes({ apiUrl, secretKey }) {
  async function admin(path, init = {}) {
    const response = await fetch(`${apiUrl}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${secretKey}`,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
    return { status: response.status, text: await response.text() };
  }

  /** The page's form as the admin API's campaign: English texts, the promotions audience. */
  function campaign({ title, body, product }) {
    return {
      title: { en: String(title ?? '') },
      body: { en: String(body ?? '') },
      ...(product ? { product: String(product) } : {}),
      audience: { topic: 'promotions' },
    };
  }

  return async (req, res) => {
    const path = req.url?.split('?')[0] ?? '';
    let answer;
    if (req.method === 'POST' && path === '/merchant/campaigns') {
      // JSON only: a form on another site cannot post that without CORS, which this never allows.
      if (!req.headers['content-type']?.startsWith('application/json')) {
        res.writeHead(415).end();
        return true;
      }
      let text = '';
      for await (const chunk of req) {
        text += chunk;
        if (text.length > MAX_BODY) break;
      }
      let input;
      try {
        input = JSON.parse(text);
      } catch {
        res.writeHead(400).end();
        return true;
      }
      answer = await admin('/admin/v1/campaigns', {
        method: 'POST',
        body: JSON.stringify(campaign(input)),
      });
    } else if (req.method === 'GET' && /^\/merchant\/campaigns\/[\w-]+$/.test(path)) {
      answer = await admin(`/admin/v1/campaigns/${path.slice('/merchant/campaigns/'.length)}`);
    } else if (req.method === 'GET' && REPORT.test(path)) {
      answer = await admin(`/admin/v1/reports/${REPORT.exec(path)[1]}?${period(req.url)}`);
    } else if (req.method === 'POST' && CREATOR_LINK.test(path)) {
      // The same guard as the campaigns: a cross-site form cannot send this content type.
      if (!req.headers['content-type']?.startsWith('application/json')) {
        res.writeHead(415).end();
        return true;
      }
      // The ref as the page sent it, escaped again: the API checks its format (400 otherwise).
      const ref = CREATOR_LINK.exec(path)[1];
      let decoded;
      try {
        decoded = decodeURIComponent(ref);
      } catch {
        res.writeHead(400).end();
        return true;
      }
      answer = await admin(`/admin/v1/creators/${encodeURIComponent(decoded)}/link`, {
        method: 'POST',
      });
    } else {
      return false;
    }
    res.writeHead(answer.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(answer.text);
    return true;
  };
}
