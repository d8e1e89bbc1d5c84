import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How an element loads what it shows. Before each update it reads `key()` (the store, the
 * product, the currency… joined into a string) and runs `task` when that changed; `reload()`
 * runs it again (retry, back online). Only the latest run counts: `task` gets `current()`,
 * which turns false once a newer run has started (the product changed while a request was
 * out), so a late answer never overwrites a newer one.
 *
 * The same idea as @lit/task's `args` and `task`, without its status/render API that the
 * elements' own `state` attributes already cover: ~0.2 KB gzip here against ~1 KB
 * (docs/decisions/007).
 */
export class LoadController implements ReactiveController {
  private key: string | undefined;
  private run = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly keyOf: () => string,
    private readonly task: (current: () => boolean) => Promise<void>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.keyOf();
    if (key === this.key) return;
    this.key = key;
    void this.reload();
  }

  /** Runs the task now; a run still out stops counting. */
  reload(): Promise<void> {
    this.run++;
    return this.task(this.current());
  }

  /**
   * A check for work that belongs with the latest run but is started apart from it (the
   * next page of a list): false once another run starts.
   */
  current(): () => boolean {
    const run = this.run;
    return () => run === this.run;
  }
}
