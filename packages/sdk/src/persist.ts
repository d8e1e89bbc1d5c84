/**
 * Where the SDK keeps what must survive a reload (cart id, the queue of offline cart writes,
 * the refresh token outside browsers), and how tabs tell each other that it changed.
 */
export interface KeyValue {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
  /** Calls back when another tab changed a key; returns an unsubscribe function. */
  watch(listener: (key: string, value: string | null) => void): () => void;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function createKeyValue(storage: StorageLike | null, namespace: string): KeyValue {
  const memory = new Map<string, string>();
  const full = (key: string) => `kiosk:${namespace}:${key}`;
  // Tabs share a store only through real storage: two memory-only clients (say, two
  // users' requests in one server process) must never see each other's cart.
  const channel =
    storage && typeof BroadcastChannel === 'function'
      ? new BroadcastChannel(`kiosk:${namespace}`)
      : null;
  // Node keeps a process alive while a channel is open; the SDK must not.
  (channel as { unref?: () => void } | null)?.unref?.();
  const listeners = new Set<(key: string, value: string | null) => void>();

  channel?.addEventListener('message', (event: MessageEvent) => {
    const { key, value } = event.data as { key: string; value: string | null };
    if (value === null) memory.delete(key);
    else memory.set(key, value);
    for (const l of listeners) l(key, value);
  });

  return {
    get(key) {
      if (!storage) return memory.get(key) ?? null;
      try {
        return storage.getItem(full(key));
      } catch {
        return memory.get(key) ?? null; // storage blocked (privacy mode, sandboxed iframe)
      }
    },
    set(key, value) {
      if (value === null) memory.delete(key);
      else memory.set(key, value);
      if (storage) {
        try {
          if (value === null) storage.removeItem(full(key));
          else storage.setItem(full(key), value);
        } catch {
          // storage full or blocked: the memory copy still serves this tab
        }
      }
      channel?.postMessage({ key, value });
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
