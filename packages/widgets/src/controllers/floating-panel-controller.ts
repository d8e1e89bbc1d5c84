import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Side = 'top' | 'right' | 'bottom' | 'left';
/** Where a panel sits beside its reference: a side, optionally aligned to its start or end. */
export type Placement = Side | `${Side}-start` | `${Side}-end`;

export interface FloatingPanelOptions {
  /** The element the panel is anchored to (the trigger). */
  reference: () => Element | null | undefined;
  /** The panel (position: fixed; the controller sets its left/top through the CSSOM). */
  floating: () => HTMLElement | null | undefined;
  /** Side and alignment; `-start`/`-end` follow the panel's writing direction (RTL). */
  placement: () => Placement;
  /** Gap between the reference and the panel, in px (default 8). */
  offset?: number;
}

const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
/** Kept between the panel and the viewport's edges, in px. */
const PADDING = 8;

/**
 * Anchors a floating panel (position: fixed) to a reference element and keeps it there while
 * it is shown (scroll, resize, either element changing size): on the placement's side, or the
 * opposite one when that has more room; shifted to stay in the viewport; its block size capped
 * to the room on its side (`--kiosk-floating-available-height`). A few lines instead of
 * floating-ui (7 KB gzip), which did the same for Kiosk's two panels (the mini cart, the login
 * button's account menu). Until it is placed, the panel carries `data-floating="pending"`,
 * then `"placed"` and `data-placement` (the side and alignment used). Positions are written with the CSSOM, which a Content-Security-Policy
 * without 'unsafe-inline' allows.
 */
export class FloatingPanelController implements ReactiveController {
  private stop: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: FloatingPanelOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.hide();
  }

  /** Places the panel and keeps it anchored until `hide()`. */
  show(): void {
    const reference = this.options.reference();
    const floating = this.options.floating();
    this.hide();
    if (!reference || !floating) return;
    floating.setAttribute('data-floating', 'pending');
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.place(reference, floating));
    };
    const sizes = new ResizeObserver(update);
    sizes.observe(reference);
    sizes.observe(floating);
    addEventListener('scroll', update, { capture: true, passive: true });
    addEventListener('resize', update);
    this.stop = () => {
      cancelAnimationFrame(frame);
      sizes.disconnect();
      removeEventListener('scroll', update, { capture: true });
      removeEventListener('resize', update);
    };
    this.place(reference, floating);
  }

  /** Stops following the reference. */
  hide(): void {
    this.stop?.();
    this.stop = undefined;
  }

  private place(reference: Element, floating: HTMLElement) {
    const gap = this.options.offset ?? 8;
    const [wanted, align] = this.options.placement().split('-') as [
      Side,
      'start' | 'end' | undefined,
    ];
    const r = reference.getBoundingClientRect();
    const viewWidth = document.documentElement.clientWidth;
    const viewHeight = document.documentElement.clientHeight;
    const room: Record<Side, number> = {
      top: r.top - gap - PADDING,
      bottom: viewHeight - r.bottom - gap - PADDING,
      left: r.left - gap - PADDING,
      right: viewWidth - r.right - gap - PADDING,
    };
    const vertical = wanted === 'top' || wanted === 'bottom';
    const needed = vertical ? floating.scrollHeight : floating.offsetWidth;
    const side =
      room[wanted] < needed && room[OPPOSITE[wanted]] > room[wanted] ? OPPOSITE[wanted] : wanted;
    if (vertical) {
      floating.style.setProperty(
        '--kiosk-floating-available-height',
        `${Math.max(160, Math.floor(room[side]))}px`,
      );
    }
    const width = floating.offsetWidth;
    const height = floating.offsetHeight;
    let x: number;
    let y: number;
    if (vertical) {
      const rtl = getComputedStyle(floating).direction === 'rtl';
      const toEnd = align === (rtl ? 'start' : 'end');
      x = align ? (toEnd ? r.right - width : r.left) : r.left + (r.width - width) / 2;
      y = side === 'bottom' ? r.bottom + gap : r.top - gap - height;
    } else {
      x = side === 'right' ? r.right + gap : r.left - gap - width;
      y =
        align === 'start'
          ? r.top
          : align === 'end'
            ? r.bottom - height
            : r.top + (r.height - height) / 2;
    }
    // Shift along the edge to stay inside the viewport.
    x = Math.min(Math.max(x, PADDING), viewWidth - width - PADDING);
    y = Math.min(Math.max(y, PADDING), viewHeight - height - PADDING);
    Object.assign(floating.style, { left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });
    floating.setAttribute('data-placement', align ? `${side}-${align}` : side);
    floating.setAttribute('data-floating', 'placed');
  }
}
