/**
 * How long this instance keeps which products a recommendation names (the ids, not the
 * products): the bound on how far they lag the orders paid since. Their prices and stock are
 * read with the answer, which the catalog cache keeps as briefly as a product's.
 */
export const RECOMMENDATION_LIST_TTL_MS = 60_000;

/** Lists kept at most; the oldest go first. One is at most a few dozen ids. */
const MAX_LISTS = 5000;

/** The products one recommendation names, best first (services/recommendations.ts). */
export interface RecommendationList {
  ids: string[];
  /** How many of the first `ids` the kind asked for chose; the rest are popular. */
  chosen: number;
}

/**
 * Which products a recommendation names, kept by one instance for a minute: they follow the
 * paid orders' counts, which change with every payment and sends no notice, so a list is not
 * dropped on a catalog change but only ages out (a product since drafted, deleted or sold out
 * is dropped from the answer when it is built). The lists of one key are read once for all
 * requests that miss it together.
 */
export class RecommendationLists {
  private readonly lists = new Map<string, { value: RecommendationList; expires: number }>();
  private readonly reading = new Map<string, Promise<RecommendationList>>();

  constructor(private readonly ttlMs = RECOMMENDATION_LIST_TTL_MS) {}

  /**
   * The list of `key`: kept, else `read` (joined when a read of it is under way) and kept.
   * `fresh`: read it again even if kept (the kept one ran short of products in stock).
   */
  get(
    key: string,
    read: () => Promise<RecommendationList>,
    fresh = false,
  ): Promise<RecommendationList> {
    const kept = fresh ? undefined : this.lists.get(key);
    if (kept && kept.expires > performance.now()) return Promise.resolve(kept.value);
    const pending = this.reading.get(key);
    if (pending) return pending;
    const reading = read()
      .then((value) => {
        this.lists.delete(key);
        if (this.lists.size >= MAX_LISTS) this.lists.delete(this.lists.keys().next().value!);
        this.lists.set(key, { value, expires: performance.now() + this.ttlMs });
        return value;
      })
      .finally(() => this.reading.delete(key));
    this.reading.set(key, reading);
    return reading;
  }
}
