/**
 * The blog's language switcher: `?lang=ar` (or the select) sets `<html lang>` and `dir`. The
 * Kiosk widgets watch `<html lang>` and follow it — translations, number and price formats,
 * right-to-left layout — without any Kiosk-specific code here.
 */
const rtl = new Set(['ar', 'he', 'fa', 'ur']);
const supported = ['en', 'de', 'fr', 'es', 'pt-BR', 'ru', 'zh-CN', 'ar'];

function apply(lang: string): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = rtl.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

const select = document.querySelector<HTMLSelectElement>('#lang');
const requested = new URLSearchParams(location.search).get('lang');
if (requested && supported.includes(requested)) apply(requested);
if (select) {
  select.value = document.documentElement.lang;
  select.addEventListener('change', () => {
    apply(select.value);
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    history.replaceState(null, '', url);
  });
}
