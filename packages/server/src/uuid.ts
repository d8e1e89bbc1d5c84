const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused or "not found" before it reaches a uuid column. */
export const isUuid = (s: string) => UUID_RE.test(s);
