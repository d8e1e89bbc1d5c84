/**
 * The language a public page of a store (the share page) is shown in: `lang` when the store
 * has it, else the best match of Accept-Language (by its q values) among the store's
 * locales, else the store's default (its first). A tag matches exactly (any case), else by
 * its language alone (`de-AT` → `de`).
 */
export function pageLanguage(
  storeLocales: readonly string[],
  lang: string | undefined,
  acceptLanguage: string | undefined,
): string {
  const match = (tag: string) => {
    const lower = tag.toLowerCase();
    const language = lower.split('-')[0];
    return (
      storeLocales.find((l) => l.toLowerCase() === lower) ??
      storeLocales.find((l) => l.toLowerCase().split('-')[0] === language)
    );
  };
  for (const tag of [...(lang ? [lang] : []), ...acceptedLanguages(acceptLanguage)]) {
    const found = match(tag);
    if (found) return found;
  }
  return storeLocales[0] ?? 'en';
}

/** Accept-Language's tags, most wanted first (q=0 and `*` left out; at most 20 read). */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.tag.length <= 35 && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}
