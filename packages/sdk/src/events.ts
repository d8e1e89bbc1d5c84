/** A tiny typed event emitter for `kiosk.on()` (analytics, logging). */
export function createEmitter<Events extends Record<string, unknown>>() {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit<K extends keyof Events>(event: K, payload: Events[K]): void {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as (p: Events[K]) => void)(payload);
        } catch (error) {
          // A broken analytics listener must not break the shop.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
