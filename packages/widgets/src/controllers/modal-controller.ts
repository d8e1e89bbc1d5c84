import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FloatingPanelController, type Placement } from './floating-panel-controller.js';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';
/** Narrower than this, the dialog is a sheet across the bottom of the screen. */
const PHONE = '(max-width: 640px)';

export interface ModalOptions {
  /** The `<dialog>` (rendered by the host). */
  dialog: () => HTMLDialogElement | null;
  /** The button that opens it: the dialog is anchored to it, and focus goes back to it. */
  trigger: () => HTMLElement;
  placement: () => Placement;
  /** The shopper asked to close (Escape, the browser's close request, a backdrop click). */
  requestClose: () => void;
}

/** The page's scroll, locked while a sheet covers it: by which modal, and what it was before. */
let scrollLock: { by: ModalController; overflow: string } | undefined;
function lockPageScroll(by: ModalController, lock: boolean) {
  const root = document.documentElement;
  if (lock && !scrollLock) {
    scrollLock = { by, overflow: root.style.overflow };
    root.style.overflow = 'hidden';
  } else if (!lock && scrollLock?.by === by) {
    root.style.overflow = scrollLock.overflow;
    scrollLock = undefined;
  }
}

/**
 * A `<dialog>` opened as an APG modal: in the top layer with the page behind it inert; focus
 * moves in, Tab cycles inside, Escape or a click on the backdrop asks to close, and focus
 * returns to the trigger. On a phone it is a sheet across the bottom of the screen
 * (`data-layout="sheet"`, the page's scroll locked); wider, it is anchored to the trigger
 * (`data-layout="anchored"`, FloatingPanelController), switching when the window crosses
 * the breakpoint. The host owns its open state: `show()`/`close()` follow it.
 */
export class ModalController implements ReactiveController {
  private readonly floating: FloatingPanelController;
  private readonly phone = matchMedia(PHONE);

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ModalOptions,
  ) {
    this.floating = new FloatingPanelController(host, {
      reference: options.trigger,
      floating: options.dialog,
      placement: options.placement,
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close(false);
  }

  /** Opens the dialog and moves focus into it. */
  show(): void {
    const dialog = this.options.dialog();
    // Not while the host has left the page (removed while its code loaded).
    if (!dialog || dialog.open || !dialog.isConnected) return;
    // Added once (the same listener again is ignored) and left on: a closed dialog gets none.
    dialog.addEventListener('keydown', this.onKeydown);
    dialog.addEventListener('click', this.onClick);
    dialog.addEventListener('cancel', this.onCancel);
    dialog.showModal();
    this.layOut();
    this.phone.addEventListener('change', this.layOut);
    this.focusFirst();
  }

  /** Closes the dialog; with `returnFocus` (the shopper had it open), focus goes to the trigger. */
  close(returnFocus: boolean): void {
    this.phone.removeEventListener('change', this.layOut);
    this.floating.hide();
    lockPageScroll(this, false);
    const dialog = this.options.dialog();
    if (dialog?.open) dialog.close();
    if (returnFocus) this.options.trigger().focus();
  }

  /** What Tab moves through: the dialog's enabled controls that are shown. */
  focusables(): HTMLElement[] {
    return [...(this.options.dialog()?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
      (el) => el.getClientRects().length > 0,
    );
  }

  /** Focuses the first control (the dialog itself if it has none). */
  focusFirst(): void {
    (this.focusables()[0] ?? this.options.dialog())?.focus();
  }

  /** Sheet on a phone, anchored otherwise; again when a phone turns or a window is resized. */
  private readonly layOut = () => {
    const dialog = this.options.dialog();
    if (!dialog?.open) return;
    if (this.phone.matches) {
      this.floating.hide();
      dialog.removeAttribute('data-floating');
      dialog.style.removeProperty('left');
      dialog.style.removeProperty('top');
      dialog.dataset.layout = 'sheet';
      lockPageScroll(this, true);
    } else {
      dialog.dataset.layout = 'anchored';
      lockPageScroll(this, false);
      this.floating.show();
    }
  };

  private readonly onCancel = (event: Event) => {
    event.preventDefault();
    this.options.requestClose();
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.options.requestClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = this.focusables();
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const root = this.options.dialog()?.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const inside = active instanceof HTMLElement && items.includes(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  /** A click on the backdrop (outside the dialog's box) asks to close. */
  private readonly onClick = (event: MouseEvent) => {
    const dialog = this.options.dialog();
    if (!dialog || event.target !== dialog || event.detail === 0) return;
    const r = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= r.left &&
      event.clientX <= r.right &&
      event.clientY >= r.top &&
      event.clientY <= r.bottom;
    if (!inside) this.options.requestClose();
  };
}
