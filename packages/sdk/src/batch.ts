/**
 * Collects the keys asked for in one tick and loads them with one call. Each caller gets
 * its own item, or its own error when the loader reports the key missing.
 */
export function createBatcher<T>(
  load: (keys: string[]) => Promise<Map<string, T>>,
  missing: (key: string) => Error,
  maxBatch = 50,
) {
  let pending = new Map<string, { resolve: (v: T) => void; reject: (e: unknown) => void }[]>();
  let scheduled = false;

  async function flush() {
    scheduled = false;
    const batch = pending;
    pending = new Map();
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += maxBatch) {
      const chunk = keys.slice(i, i + maxBatch);
      try {
        const found = await load(chunk);
        for (const key of chunk) {
          const item = found.get(key);
          for (const waiter of batch.get(key)!) {
            if (item === undefined) waiter.reject(missing(key));
            else waiter.resolve(item);
          }
        }
      } catch (error) {
        for (const key of chunk) for (const waiter of batch.get(key)!) waiter.reject(error);
      }
    }
  }

  return (key: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const waiters = pending.get(key) ?? [];
      waiters.push({ resolve, reject });
      pending.set(key, waiters);
      if (!scheduled) {
        scheduled = true;
        // A macrotask, not a microtask: elements upgrading in one parse task all get in.
        setTimeout(flush, 0);
      }
    });
}
