/**
 * React 19 JSX types for the Kiosk elements: attributes, and events as `on<event-name>`
 * props (React 19 adds such props on custom elements as event listeners).
 *
 * ```ts
 * // once, in a .d.ts file or your entry module
 * import type {} from '@kiosk/widgets/react';
 * ```
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KioskElementAttributes, KioskElementEvents, KioskTagName } from './elements.js';

type Listeners<E> = { [K in keyof E as `on${K & string}`]?: (event: E[K]) => void };

export type KioskReactElements = {
  [T in KioskTagName]: DetailedHTMLProps<
    HTMLAttributes<HTMLElementTagNameMap[T]>,
    HTMLElementTagNameMap[T]
  > &
    KioskElementAttributes[T] &
    Listeners<KioskElementEvents[T]>;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends KioskReactElements {}
  }
}
