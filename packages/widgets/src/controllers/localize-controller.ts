import type { KioskError } from '@kiosk/sdk';
import type { TOptions } from 'i18next';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { currentConfig } from '../config.js';
import { closestStore } from '../context.js';
import { commonStrings } from '../i18n/common.js';
import {
  type Bundle,
  directionOf,
  fixedT,
  intlLocale,
  isLoaded,
  type KeyOf,
  type Language,
  loadLanguage,
  matchLanguage,
  type Strings,
} from '../i18n/i18n.js';

export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  /** The element's own `locale` attribute, if set. */
  locale?: string | null | undefined;
}

const hosts = new Set<{ refresh(): void }>();
let htmlObserver: MutationObserver | undefined;

/** `<html lang>` changed (a site's language switcher): every element follows. */
function watchHtmlLang() {
  if (htmlObserver || typeof MutationObserver === 'undefined') return;
  htmlObserver = new MutationObserver(() => {
    for (const c of hosts) c.refresh();
  });
  htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Translations and locale for an element. The language comes from, in order: the element's
 * `locale` attribute, the nearest `<kiosk-store locale>`, the script tag's data-locale (unless
 * "auto"), the page's `<html lang>`, the browser's language. Bundles other than English load
 * lazily (one dynamic import per language and namespace, shared by all elements). Sets the
 * host's `dir` (rtl for Arabic) so logical CSS properties flip.
 */
/** What `t()` takes for a namespace: its keys and the "common" namespace's (its fallback). */
export type MessageKey<B extends Bundle> = KeyOf<B> | KeyOf<typeof commonStrings.en>;

export class LocalizeController<B extends Bundle = Bundle> implements ReactiveController {
  /** The supported language in use (en, zh-CN, es, fr, de, ru, pt-BR, ar). */
  lang: Language = 'en';
  /** The full requested tag for Intl formatting (de-CH formats numbers as in Switzerland). */
  locale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  /** False while the language's bundles are loading (render a placeholder, not English). */
  ready = true;
  /** Set when a bundle failed to load; strings fall back to English. */
  failed = false;

  private readonly namespaces: Strings[];

  constructor(
    private readonly host: LocalizedHost,
    private readonly strings: Strings<B>,
  ) {
    this.namespaces = [commonStrings, strings as Strings];
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    watchHtmlLang();
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  hostUpdate(): void {
    const requested = this.requestedLocale();
    const lang = matchLanguage(requested);
    this.locale = intlLocale(requested, lang);
    this.dir = directionOf(lang);
    if (this.host.getAttribute('dir') !== this.dir) this.host.setAttribute('dir', this.dir);
    if (lang !== this.lang) {
      this.lang = lang;
      this.failed = false;
    }
    this.ready = this.failed || isLoaded(lang, this.namespaces);
    if (!this.ready) {
      loadLanguage(lang, this.namespaces).then(
        () => this.loaded(lang, false),
        () => this.loaded(lang, true),
      );
    }
  }

  /** Resolves once the strings of the language in use are loaded (or failed: English shows). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return loadLanguage(this.lang, this.namespaces).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Asks the host to re-render (the page language changed). */
  refresh(): void {
    this.host.requestUpdate();
  }

  /** Translates `key` of this element's namespace (falling back to "common", then English). */
  t(key: MessageKey<B>, options: TOptions = {}): string {
    if (this.tFor !== this.lang) {
      this.tFor = this.lang;
      this.translate = fixedT(this.lang, this.strings.ns);
    }
    return this.translate!(key as string, options) as string;
  }

  /**
   * What a shopper reads for a failure: the element's own message for the error's code when it
   * names one, else "not set up" (no client), "can't reach the store" (no connection), else
   * `fallback`. One rule for every element. `options` fill the message ("Only {{n}} left").
   */
  error(
    e: KioskError | undefined,
    fallback: MessageKey<B>,
    byCode: Partial<Record<string, MessageKey<B>>> = {},
    options?: TOptions,
  ): string {
    const code = e?.code ?? '';
    return this.t(
      byCode[code] ??
        (code === 'not_configured'
          ? 'error.notConfigured'
          : e?.status === 0
            ? 'error.network'
            : fallback),
      options,
    );
  }

  private tFor: Language | undefined;
  private translate: ReturnType<typeof fixedT> | undefined;

  private loaded(lang: Language, failed: boolean) {
    if (lang !== this.lang) return;
    this.failed = failed;
    this.ready = true;
    this.host.requestUpdate();
  }

  private requestedLocale(): string {
    // On the server (@kiosk/widgets/ssr) there is no page: the element's attribute says it.
    if (isServer) return this.host.locale || 'en';
    const config = currentConfig().locale;
    const candidates = [
      this.host.locale,
      closestStore(this.host)?.locale,
      config === 'auto' ? undefined : config,
      document.documentElement.lang,
      navigator.languages?.[0] ?? navigator.language,
    ];
    return candidates.find((c): c is string => !!c && c !== 'auto') ?? 'en';
  }
}
