import type { PointsEntry, PointsSummary } from '@kiosk/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, formatSignedNumber } from '../format.js';
import { HISTORY_ROWS } from './account-menu.styles.js';
import type { MenuKey } from './account-panel.js';

export type HistoryState =
  | { status: 'loading'; entries?: PointsEntry[] }
  | { status: 'done'; entries: PointsEntry[] }
  | { status: 'error' };

interface SummaryView {
  name: string;
  initials: string;
  summary: PointsSummary | null;
  /** The balance in words ("1,250 points"). */
  points: string;
  history: HistoryState;
  locale: string;
  t: Translate;
}

type Translate = (key: MenuKey, options?: Record<string, unknown>) => string;

/** Where a shopper stands: their tier, lifetime points and the next tier (null: the top). */
export interface TierStatus {
  tier: string | null;
  lifetime: number;
  nextTier: { name: string; pointsNeeded: number } | null;
}

/**
 * The account's details at the top of the menu: who is signed in, the balance and tier, the
 * progress to the next tier (lifetime points against the next tier's threshold, which is
 * lifetime + pointsNeeded) and the latest points entries. User text (the name, a store's
 * adjustment reason) is isolated with dir="auto" so it reads right in either direction.
 */
export function renderAccountSummary(view: SummaryView): TemplateResult {
  const { name, initials, summary, points, t, locale } = view;
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
        ? html`<p part="points" class="points">${points}</p>
            ${renderProgress(
              {
                tier: summary.tier.name,
                lifetime: summary.lifetime,
                nextTier: summary.tier.nextTier,
              },
              t,
              locale,
            )}`
        : nothing
    }
    <div class="history">
      <p class="section-title" id="history-title">${t('history')}</p>
      ${renderHistory(view)}
    </div>`;
}

/**
 * The progress to the next tier (or "You're in the top tier"), labelled by the element `id`
 * names (a view shows its own beside the menu's, hidden but in the DOM).
 */
export function renderProgress(
  { tier, lifetime, nextTier: next }: TierStatus,
  t: Translate,
  locale: string,
  id = 'progress-label',
) {
  if (!next) {
    return tier ? html`<p part="progress" class="progress muted">${t('topTier')}</p>` : nothing;
  }
  const threshold = lifetime + next.pointsNeeded;
  return html`<div part="progress" class="progress">
    <span class="muted" id=${id}
      >${t('toNextTier', {
        count: next.pointsNeeded,
        n: formatNumber(next.pointsNeeded, locale),
        tier: next.name,
      })}</span
    >
    <progress aria-labelledby=${id} max=${threshold} .value=${lifetime}></progress>
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
