/**
 * Vue 3 template types for the Kiosk elements (vue-tsc, Volar): attributes, and events as
 * `@kiosk-add-to-cart` listeners. Tell Vue's compiler they are custom elements too
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('kiosk-')`).
 *
 * ```ts
 * // once, in a .d.ts file or your entry module
 * import type {} from '@kiosk/widgets/vue';
 * ```
 */
import type { DefineComponent } from 'vue';
import type { KioskElementAttributes, KioskElementEvents, KioskTagName } from './elements.js';

/** `kiosk-add-to-cart` → `KioskAddToCart`: how Vue names the prop behind `@kiosk-add-to-cart`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

type Listeners<E> = { [K in keyof E as `on${Pascal<K & string>}`]?: (event: E[K]) => void };

export type KioskVueElements = {
  [T in KioskTagName]: DefineComponent<
    KioskElementAttributes[T] & Listeners<KioskElementEvents[T]>
  >;
};

declare module 'vue' {
  interface GlobalComponents extends KioskVueElements {}
}
