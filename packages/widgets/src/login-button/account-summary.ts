import type { PointsEntry, PointsSummary } from '@kiosk/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../controllers/localize-controller.js';
import { formatNumber, formatSignedNumber } from '../format.js';
import type { loginButtonStrings } from './i18n/index.js';

/** How many recent ledger entries the menu shows (and reserves room for while they load). */
export const HISTORY_ROWS = 3;

export type HistoryState =
  | { status: 'loading'; entries?: PointsEntry[] }
  | { status: 'done'; entries: PointsEntry[] }
  | { status: 'error' };

interface SummaryView {
  name: string;
  initials: string;
  summary: PointsSummary | null;
  history: HistoryState;
  locale: string;
  t: (key: MessageKey<typeof loginButtonStrings.en>, options?: Record<string, unknown>) => string;
}

/**
 * The account's details at the top of the menu: who is signed in, the balance and tier, the
 * progress to the next tier (lifetime points against the next tier's threshold, which is
 * lifetime + pointsNeeded) and the latest points entries. User text (the name, a store's
 * adjustment reason) is isolated with dir="auto" so it reads right in either direction.
 */
export function renderAccountSummary(view: SummaryView): TemplateResult {
  const { name, initials, summary, t, locale } = view;
  const num = (n: number) => formatNumber(n, locale);
  return html`<div class="who">
      <span class="avatar" aria-hidden="true">${initials}</span>
      <span class="who-text">
        <span part="name" class="name" dir="auto">${name}</span>
        ${
          summary?.tier.name
            ? html`<span part="tier" class="tier muted">${t('tier', { tier: summary.tier.name })}</span>`
            : nothing
        }
      </span>
    </div>
    ${
      summary
        ? html`<p part="points" class="points">
              ${t('points', { count: summary.balance, n: num(summary.balance) })}
            </p>
            ${renderProgress(summary, view)}`
        : nothing
    }
    <div class="history">
      <p class="section-title" id="history-title">${t('history')}</p>
      ${renderHistory(view)}
    </div>`;
}

function renderProgress(summary: PointsSummary, { t, locale }: SummaryView) {
  const next = summary.tier.nextTier;
  if (!next) {
    return summary.tier.name
      ? html`<p part="progress" class="progress muted">${t('topTier')}</p>`
      : nothing;
  }
  const threshold = summary.lifetime + next.pointsNeeded;
  return html`<div part="progress" class="progress">
    <span class="muted" id="progress-label"
      >${t('toNextTier', {
        count: next.pointsNeeded,
        n: formatNumber(next.pointsNeeded, locale),
        tier: next.name,
      })}</span
    >
    <progress
      aria-labelledby="progress-label"
      max=${threshold}
      .value=${summary.lifetime}
    ></progress>
  </div>`;
}

function renderHistory({ history, t, locale }: SummaryView) {
  const entries = history.status === 'error' ? undefined : history.entries;
  const rows = entries
    ? entries.map((e) => renderEntry(e, t, locale))
    : history.status === 'loading'
      ? Array.from(
          { length: HISTORY_ROWS },
          () => html`<li class="entry skeleton" aria-hidden="true"></li>`,
        )
      : [];
  const note =
    history.status === 'error' ? t('historyError') : entries?.length === 0 ? t('historyEmpty') : '';
  return html`<ul
    part="history"
    class="entries"
    aria-labelledby="history-title"
    aria-busy=${history.status === 'loading' ? 'true' : 'false'}
  >
    ${rows}${note ? html`<li class="note muted">${note}</li>` : nothing}
  </ul>`;
}

function renderEntry(entry: PointsEntry, t: SummaryView['t'], locale: string): TemplateResult {
  // The ledger's reasons are the server's English, except an adjustment's, which the store wrote.
  const what =
    entry.kind === 'adjust' ? entry.reason.trim() || t('entry.adjust') : t(`entry.${entry.kind}`);
  const date = new Date(entry.createdAt);
  return html`<li part="history-entry" class="entry">
    <span class="what" dir="auto">${what}</span>
    <time class="muted" datetime=${entry.createdAt}
      >${new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(date)}</time
    >
    <span class="delta">${formatSignedNumber(entry.points, locale)}</span>
  </li>`;
}
