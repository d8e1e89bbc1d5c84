import type { Placement } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FloatingUi = typeof import('./floating-ui.js');

let floatingUi: Promise<FloatingUi> | undefined;

/**
 * Loads @floating-ui/dom once per page, on first use (a page that never opens a panel never
 * downloads it). A failed load (offline) is forgotten so the next open tries again.
 */
export function loadFloatingUi(): Promise<FloatingUi> {
  floatingUi ??= import('./floating-ui.js').catch((error: unknown) => {
    floatingUi = undefined;
    throw error;
  });
  return floatingUi;
}

export interface FloatingPanelOptions {
  /** The element the panel is anchored to (the trigger). */
  reference: () => Element | null | undefined;
  /** The panel (position: fixed; the controller sets its left/top through the CSSOM). */
  floating: () => HTMLElement | null | undefined;
  /** floating-ui placement; `-start`/`-end` follow the panel's writing direction (RTL). */
  placement: () => Placement;
  /** Gap between the reference and the panel, in px (default 8). */
  offset?: number;
}

/**
 * Anchors a floating panel to a reference element with @floating-ui/dom, imported
 * dynamically on the first `show()`. Keeps the panel in place while it is shown (scroll,
 * resize, layout changes), flips and shifts it to stay in the viewport and caps its block
 * size to the space available (`--kiosk-floating-available-height`). Until it is placed,
 * the panel carries `data-floating="pending"`; if the module can't load, `"unanchored"`
 * (style that as a centred fallback). Positions are written with the CSSOM, which a
 * Content-Security-Policy without 'unsafe-inline' allows.
 */
export class FloatingPanelController implements ReactiveController {
  private stop: (() => void) | undefined;
  private generation = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: FloatingPanelOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.hide();
  }

  /** Loads floating-ui if needed, places the panel and keeps it anchored until `hide()`. */
  async show(): Promise<void> {
    const generation = ++this.generation;
    const floating = this.options.floating();
    floating?.setAttribute('data-floating', 'pending');
    let ui: FloatingUi;
    try {
      ui = await loadFloatingUi();
    } catch {
      if (generation === this.generation) floating?.setAttribute('data-floating', 'unanchored');
      return;
    }
    const reference = this.options.reference();
    if (generation !== this.generation || !reference || !floating) return;
    this.stop?.();
    const update = () => this.place(ui, reference, floating);
    this.stop = ui.autoUpdate(reference, floating, update);
    await update();
  }

  /** Stops following the reference. */
  hide(): void {
    this.generation++;
    this.stop?.();
    this.stop = undefined;
  }

  private async place(ui: FloatingUi, reference: Element, floating: HTMLElement) {
    const { computePosition, offset, flip, shift, size } = ui;
    const { x, y, placement } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: this.options.placement(),
      middleware: [
        offset(this.options.offset ?? 8),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight, elements }) {
            elements.floating.style.setProperty(
              '--kiosk-floating-available-height',
              `${Math.max(160, Math.floor(availableHeight))}px`,
            );
          },
        }),
      ],
    });
    Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
    floating.setAttribute('data-placement', placement);
    floating.setAttribute('data-floating', 'placed');
  }
}
