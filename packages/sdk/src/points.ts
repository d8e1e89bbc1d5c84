import type { WritableAtom } from 'nanostores';
import type { Http } from './http.js';
import type { Membership, Page, PointsEntry, PointsSummary } from './types.js';

/**
 * The signed-in customer's points: loading the summary into the client's `$balance` and
 * `$summary` stores (which the client creates, so they exist before this module loads), and
 * the history. The client imports this module on the first points call of a signed-in
 * customer: guests never download it.
 */
export function createPoints(
  http: Http,
  $balance: WritableAtom<number | null>,
  $summary: WritableAtom<PointsSummary | null>,
) {
  return {
    async refresh(): Promise<PointsSummary> {
      const data = await http.request('/v1/points');
      $summary.set(data);
      $balance.set(data.balance);
      return data;
    },
    history(options: { first?: number; after?: string } = {}): Promise<Page<PointsEntry>> {
      return http.request('/v1/points/history', { query: options });
    },
    /**
     * The shopper's membership (tier, perks, progress, paid plan); with a birthday, sets it
     * first (the tier's birthday gift).
     */
    membership(birthday?: { month: number; day: number }): Promise<Membership> {
      return birthday
        ? http.request('/v1/membership/birthday', { method: 'PUT', body: birthday })
        : http.request('/v1/membership');
    },
  };
}

export type PointsResource = ReturnType<typeof createPoints>;
