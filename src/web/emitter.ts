/**
 * A minimal typed event emitter: the memory port tells the page (preview, download buttons) what the pane did.
 * No Node `events` in the browser bundle, and nothing more is needed than on/off/emit.
 */
export class Emitter<Events extends Record<string, unknown>> {
  private listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => this.off(type, listener);
  }

  off<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): void {
    this.listeners.get(type)?.delete(listener as (payload: never) => void);
  }

  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    // A copy, so a listener that unsubscribes while being called does not skip the next one.
    for (const l of [...(this.listeners.get(type) ?? [])]) (l as (p: Events[K]) => void)(payload);
  }
}
