import { nextFrame } from '@open-wc/testing';

/**
 * Puts the hostile CMS theme (hostile-theme.css, served by the test runner) on the test page,
 * with a sticky header holding `header` (e.g. the login button and mini cart) and, for each
 * entry of `columns`, a one-column grid that wide (px) holding the matching `cells` HTML.
 */
export async function hostilePage(options: {
  header?: string;
  columns?: number[];
  cells?: string[];
}) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./hostile-theme.css', import.meta.url).href;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
  const root = document.createElement('div');
  root.innerHTML = `<header class="site-header"><span class="brand">Brand</span>${options.header ?? ''}</header>`;
  const columns = (options.columns ?? []).map((width, i) => {
    const grid = document.createElement('div');
    grid.className = 'grid';
    grid.style.gridTemplateColumns = `${width}px`;
    grid.innerHTML = options.cells?.[i] ?? '';
    root.append(grid);
    return grid;
  });
  document.body.append(root);
  return {
    header: root.querySelector('header') as HTMLElement,
    columns,
    remove() {
      root.remove();
      link.remove();
    },
  };
}

/**
 * Controls of `host`'s shadow root that are covered by something else or cut off by the
 * host's box: each is checked at its centre with elementFromPoint and by its rectangle.
 * Returns a description of each problem (empty when every control can be seen and clicked).
 */
export function blockedControls(host: HTMLElement, selector = 'button, input, select, a') {
  const root = host.shadowRoot!;
  const box = host.getBoundingClientRect();
  const problems: string[] = [];
  for (const control of root.querySelectorAll<HTMLElement>(selector)) {
    const r = control.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue; // not shown
    const name = `${control.localName}[${control.getAttribute('part') ?? control.textContent?.trim().slice(0, 20)}]`;
    if (
      r.left < box.left - 0.5 ||
      r.right > box.right + 0.5 ||
      r.top < box.top - 0.5 ||
      r.bottom > box.bottom + 0.5
    )
      problems.push(`${name} is outside the element's box`);
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = root.elementFromPoint(x, y);
    if (hit && hit !== control && !control.contains(hit))
      problems.push(`${name} is covered by ${hit.localName}.${hit.className}`);
  }
  return problems;
}

/** Why `el`'s text is not fully visible inside it (undefined when it is). */
export function clipped(el: HTMLElement): string | undefined {
  if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) {
    return `overflows (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`;
  }
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  if (
    text.left < box.left - 0.5 ||
    text.right > box.right + 0.5 ||
    text.top < box.top - 0.5 ||
    text.bottom > box.bottom + 0.5
  ) {
    return 'has text outside its box';
  }
  return undefined;
}

/** The layout-shift score of everything `run` does (PerformanceObserver, buffered). */
export async function layoutShift(run: () => Promise<void>): Promise<number> {
  let score = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
      score += entry.value;
    }
  });
  observer.observe({ type: 'layout-shift' });
  await run();
  // Entries of the last frames are delivered after a frame or two.
  await nextFrame();
  await nextFrame();
  for (const entry of observer.takeRecords() as (PerformanceEntry & { value: number })[]) {
    score += entry.value;
  }
  observer.disconnect();
  return score;
}
