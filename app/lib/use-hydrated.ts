import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * True once the page's JavaScript runs it: false while the server draws the page (which is all a
 * browser without JavaScript, or whose scripts failed to load, ever shows) and during hydration,
 * then true; true at once on a page reached by client navigation. Hydration-safe: the first client
 * render matches the server's markup.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
