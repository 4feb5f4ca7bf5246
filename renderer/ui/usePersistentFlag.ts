// A boolean preference kept in localStorage and shared by every component that reads it (e.g. blind review).
import { useCallback, useSyncExternalStore } from 'react';

const listeners = new Map<string, Set<() => void>>();
/** Values kept here when localStorage refuses them. */
const memory = new Map<string, boolean>();

function read(key: string, fallback: boolean): boolean {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? fallback : raw === 'true';
  } catch {
    return fallback;
  }
}

function write(key: string, value: boolean): void {
  try {
    window.localStorage.setItem(key, String(value));
  } catch {
    // Storage can be unavailable; the choice then holds until the window closes.
    memory.set(key, value);
  }
  for (const notify of listeners.get(key) ?? []) notify();
}

function subscribe(key: string, notify: () => void): () => void {
  const set = listeners.get(key) ?? new Set();
  set.add(notify);
  listeners.set(key, set);
  // Another window of the app changed it.
  const onStorage = (e: StorageEvent) => {
    if (e.key === key) notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    set.delete(notify);
    window.removeEventListener('storage', onStorage);
  };
}

export function usePersistentFlag(key: string, fallback = false): [boolean, (next: boolean) => void] {
  const value = useSyncExternalStore(
    useCallback((notify: () => void) => subscribe(key, notify), [key]),
    () => memory.get(key) ?? read(key, fallback),
  );
  const set = useCallback((next: boolean) => write(key, next), [key]);
  return [value, set];
}
