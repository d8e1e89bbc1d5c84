/**
 * The merchant page's Analytics section: the creators report as a table and the funnel as two
 * uPlot charts (stages by day; purchases by channel and day), for a period of UTC days (the
 * last 30 by default). Both reports come through the demo server (scripts/merchant-routes.mjs),
 * which holds the secret key. Every chart has its figures as text: a one-line summary in its
 * caption and the funnel's table below (docs/decisions/015-merchant-charts-uplot.md).
 */
import {
  type CreatorsReport,
  type FunnelReport,
  formatMoney,
  isAttributionCode,
  type Money,
} from '@kiosk/sdk';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type CreatorRow = CreatorsReport['items'][number];
type FunnelRow = FunnelReport['items'][number];
type Report<Row> = { items: Row[] };

const STAGES = [
  ['impressions', 'Impressions', '#64748b'],
  ['views', 'Views', '#2563eb'],
  ['addToCarts', 'Add to carts', '#d97706'],
  ['beginCheckouts', 'Begin checkouts', '#7c3aed'],
  ['purchases', 'Purchases', '#059669'],
] as const;
/** A line per channel the API reports: the compiler asks for a colour for each one. */
const CHANNEL_COLOURS: Record<FunnelRow['channel'], string> = {
  direct: '#64748b',
  creator: '#db2777',
  share: '#2563eb',
  campaign: '#d97706',
  qr: '#0891b2',
  social: '#7c3aed',
  email: '#059669',
};
const DAY_MS = 86_400_000;
const COUNT_STEPS = [1, 2, 5]
  .flatMap((n) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6].map((p) => n * p))
  .sort((a, b) => a - b);

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const count = new Intl.NumberFormat('en');

/** Amounts per currency as one string ("$59.97 · €12.00"), 0 when there are none. */
export function money(list: Money[]): string {
  if (!list.length) return count.format(0);
  return list.map((m) => formatMoney(m, 'en')).join(' · ');
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The default period: the last 30 UTC days, today included (what a creator link shows). */
export function lastThirtyDays(now = new Date()): { from: string; to: string } {
  return { from: isoDay(new Date(now.getTime() - 29 * DAY_MS)), to: isoDay(now) };
}

/** Every UTC day from `from` to `to`, both included, as YYYY-MM-DD. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY_MS) {
    days.push(isoDay(new Date(t)));
  }
  return days;
}

async function report<Row>(path: string): Promise<Report<Row>> {
  const response = await fetch(path);
  const data = (await response.json().catch(() => null)) as
    | (Report<Row> & { error?: { message?: string } })
    | null;
  if (!response.ok || !data) {
    throw new Error(data?.error?.message ?? `The server answered ${response.status}.`);
  }
  return data;
}

function cell(row: HTMLTableRowElement, text: string, header = false) {
  const el = document.createElement(header ? 'th' : 'td');
  if (header) el.setAttribute('scope', 'row');
  el.textContent = text;
  row.append(el);
}

function drawCreators(rows: CreatorRow[]) {
  const body = $('#creators tbody');
  body.replaceChildren();
  if (!rows.length) {
    const row = document.createElement('tr');
    const empty = document.createElement('td');
    empty.colSpan = 8;
    empty.textContent = 'No creator activity in this period.';
    row.append(empty);
    body.append(row);
    return;
  }
  for (const r of rows) {
    const row = document.createElement('tr');
    cell(row, r.ref, true);
    for (const n of [r.impressions, r.clicks, r.addToCarts, r.orders]) cell(row, count.format(n));
    cell(row, money(r.revenue));
    cell(row, money(r.commission));
    const action = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = 'Creator link';
    button.setAttribute('aria-label', `Creator link for ${r.ref}`);
    button.addEventListener('click', () => void creatorLink(r.ref, button));
    action.append(button);
    row.append(action);
    body.append(row);
  }
}

/** Asks the demo server for `ref`'s signed link and shows it (the merchant sends it on). */
async function creatorLink(ref: string, button: HTMLButtonElement) {
  const box = $('#creator-link');
  button.disabled = true;
  try {
    const response = await fetch(`/merchant/creators/${encodeURIComponent(ref)}/link`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const data = (await response.json().catch(() => null)) as {
      url?: string;
      expiresAt?: string;
      error?: { message?: string };
    } | null;
    if (!response.ok || !data?.url) {
      throw new Error(data?.error?.message ?? `The server answered ${response.status}.`);
    }
    const link = document.createElement('a');
    link.href = data.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = data.url;
    const until = data.expiresAt ? ` (valid until ${data.expiresAt.slice(0, 10)})` : '';
    box.replaceChildren(`${ref}'s own figures: `, link, until);
  } catch (error) {
    box.replaceChildren(`No link for ${ref}: ${(error as Error).message}`);
  } finally {
    box.hidden = false;
    button.disabled = false;
  }
}

function drawFunnelTable(rows: FunnelRow[]) {
  const body = $('#funnel tbody');
  body.replaceChildren();
  for (const r of rows) {
    const row = document.createElement('tr');
    cell(row, r.day, true);
    cell(row, r.channel);
    for (const [key] of STAGES) cell(row, count.format(r[key]));
    cell(row, money(r.revenue));
    body.append(row);
  }
}

const charts = new Map<string, uPlot>();

/** A line chart of `series` over `days`, in UTC, replacing the one drawn before. */
function lineChart(
  target: string,
  days: string[],
  series: { label: string; stroke: string; values: number[] }[],
) {
  charts.get(target)?.destroy();
  const root = $(target);
  const width = Math.max(280, root.clientWidth || root.parentElement!.clientWidth);
  const chart = new uPlot(
    {
      width,
      height: 240,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      // Counts are whole: ticks in steps of 1, 2, 5, 10, 20, 50…
      axes: [{}, { incrs: COUNT_STEPS, values: (_u, ticks) => ticks.map((t) => count.format(t)) }],
      series: [
        { label: 'Day (UTC)', value: (_u, ts) => (ts == null ? '' : isoDay(new Date(ts * 1000))) },
        ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2 })),
      ],
    },
    [days.map((d) => Date.parse(d) / 1000), ...series.map((s) => s.values)],
    root,
  );
  charts.set(target, chart);
}

/** Totals over the period as text: the chart's summary for screen readers and for everyone. */
function summary(parts: [string, number][]): string {
  return `Totals for the period: ${parts.map(([label, n]) => `${label} ${count.format(n)}`).join(', ')}.`;
}

function drawFunnelCharts(rows: FunnelRow[], days: string[]) {
  const index = new Map(days.map((d, i) => [d, i]));
  const stages = STAGES.map(([key, label, stroke]) => {
    const values = days.map(() => 0);
    for (const r of rows) values[index.get(r.day)!]! += r[key];
    return { label, stroke, values };
  });
  lineChart('#funnel-chart', days, stages);
  const stageText = summary(stages.map((s) => [s.label, s.values.reduce((a, b) => a + b, 0)]));
  $('#funnel-summary').textContent = stageText;
  $('#funnel-chart').setAttribute('aria-label', `Funnel by day, all channels. ${stageText}`);

  const channels = Object.entries(CHANNEL_COLOURS).map(([channel, stroke]) => {
    const values = days.map(() => 0);
    for (const r of rows) if (r.channel === channel) values[index.get(r.day)!]! += r.purchases;
    return { label: channel, stroke, values };
  });
  lineChart('#channels-chart', days, channels);
  const channelText = summary(channels.map((s) => [s.label, s.values.reduce((a, b) => a + b, 0)]));
  $('#channels-summary').textContent = channelText;
  $('#channels-chart').setAttribute('aria-label', `Purchases by channel and day. ${channelText}`);
}

async function show(from: string, to: string) {
  const status = $('#analytics-status');
  status.textContent = 'Loading the reports…';
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  try {
    const [creators, funnel] = await Promise.all([
      report<CreatorRow>(`/merchant/reports/creators?${query}`),
      report<FunnelRow>(`/merchant/reports/funnel?${query}`),
    ]);
    drawCreators(creators.items);
    drawFunnelTable(funnel.items);
    drawFunnelCharts(funnel.items, daysBetween(from, to));
    status.textContent = `Showing ${from} to ${to} (UTC).`;
  } catch (error) {
    status.textContent = `Could not load the reports: ${(error as Error).message}`;
  }
}

export function startAnalytics() {
  const form = $<HTMLFormElement>('#period');
  const from = form.elements.namedItem('from') as HTMLInputElement;
  const to = form.elements.namedItem('to') as HTMLInputElement;
  const initial = lastThirtyDays();
  from.value = initial.from;
  to.value = initial.to;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show(from.value, to.value);
  });
  void show(initial.from, initial.to);

  // A link for any code, e.g. a creator who has no figures yet; checked with the shared rule.
  const linkForm = $<HTMLFormElement>('#new-creator-link');
  const ref = linkForm.elements.namedItem('ref') as HTMLInputElement;
  linkForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = ref.value.trim();
    const valid = isAttributionCode(code);
    ref.setAttribute('aria-invalid', String(!valid));
    if (!valid) {
      $('#creator-link').replaceChildren(`“${code}” is not a creator code.`);
      $('#creator-link').hidden = false;
      ref.focus();
      return;
    }
    void creatorLink(code, linkForm.querySelector('button')!);
  });
}
