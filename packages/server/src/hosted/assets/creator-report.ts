/**
 * /assets/creator-report.js — on GET /creator: takes the token from the URL's fragment
 * (#t=…, never sent to a server), asks /v1/creator/report for the last 30 UTC days with it
 * in an Authorization header, and writes the figures into the page as text.
 */
export const creatorReportJs = `(function () {
  'use strict';
  var root = document.getElementById('kiosk-creator');
  if (!root) return;
  var status = root.querySelector('[data-status]');
  var list = root.querySelector('dl');
  var locale = root.getAttribute('data-locale') || 'en';
  function invalid() { status.textContent = root.getAttribute('data-invalid'); }
  var match = /(?:^#|&)t=([^&]+)/.exec(location.hash);
  if (!match) return invalid();
  var day = 86400000;
  var to = new Date();
  var from = new Date(to.getTime() - 29 * day);
  var iso = function (d) { return d.toISOString().slice(0, 10); };
  var count = new Intl.NumberFormat(locale);
  function money(list) {
    if (!list.length) return count.format(0);
    return list.map(function (m) {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(Number(m.amount));
    }).join(' · ');
  }
  fetch('/v1/creator/report?from=' + iso(from) + '&to=' + iso(to), {
    headers: { Authorization: 'Bearer ' + decodeURIComponent(match[1]) },
    credentials: 'omit',
  }).then(function (res) {
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  }).then(function (report) {
    var row = report.creator;
    var values = {
      impressions: count.format(row.impressions),
      clicks: count.format(row.clicks),
      addToCarts: count.format(row.addToCarts),
      orders: count.format(row.orders),
      revenue: money(row.revenue),
      commission: money(row.commission),
    };
    Object.keys(values).forEach(function (key) {
      var el = root.querySelector('[data-figure="' + key + '"]');
      if (el) el.textContent = values[key];
    });
    status.hidden = true;
    list.hidden = false;
  }).catch(invalid);
})();
`;
