import type { AppContext } from '../context.js';

/**
 * The string fields of a form posted to a hosted page (urlencoded or multipart). A body
 * that is not a readable form (another type, a multipart body without its boundary) has
 * no fields: the page then answers as for an empty form, never with a server error.
 */
export async function formFields(c: AppContext): Promise<Record<string, string>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const fields: Record<string, string> = {};
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
    return fields;
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    return fields;
  }
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}
