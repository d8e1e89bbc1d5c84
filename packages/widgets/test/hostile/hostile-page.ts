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
