import { atom } from 'nanostores';
import type { Http } from './http.js';
import type { Page, PointsEntry, PointsSummary } from './types.js';

/** The signed-in customer's points: `$balance` (null when signed out) and history. */
export function createPoints(http: Http, signedIn: () => boolean) {
  const $balance = atom<number | null>(null);
  const $summary = atom<PointsSummary | null>(null);

  async function refresh(): Promise<PointsSummary | null> {
    if (!signedIn()) {
      $balance.set(null);
      $summary.set(null);
      return null;
    }
    const { data } = await http.request<PointsSummary>('/v1/points');
    $summary.set(data);
    $balance.set(data.balance);
    return data;
  }

  return {
    $balance,
    /** Balance, pending points, lifetime points, tier and what expires next. */
    $summary,
    refresh,
    history(options: { first?: number; after?: string } = {}): Promise<Page<PointsEntry>> {
      return http
        .request<Page<PointsEntry>>('/v1/points/history', { query: options })
        .then((r) => r.data);
    },
    clear() {
      $balance.set(null);
      $summary.set(null);
    },
  };
}
