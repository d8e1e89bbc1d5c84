import { currentConfig } from '../config.js';

type Collector = typeof import('./collector.js');
let collector: Promise<Collector> | undefined;

/**
 * Hands an element's analytics to the collector (collector.ts, a chunk of its own loaded on
 * first use, so a page pays for it only once something happens), unless the page turned
 * analytics off: `data-analytics="off"` on the loader's tag, or `analytics="off"` /
 * `data-analytics="off"` on the element or an ancestor. Never throws into the page.
 */
export function analytics(el: Element, run: (collector: Collector) => void): void {
  if (currentConfig().analytics === 'off' || el.closest('[analytics=off],[data-analytics=off]'))
    return;
  collector ??= import('./collector.js').catch((error) => {
    collector = undefined; // offline: the next event tries again
    throw error;
  });
  collector.then(run).catch(() => {});
}
