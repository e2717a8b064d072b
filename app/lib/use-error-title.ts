import { useEffect } from "react";
import { errorTitle, plainTitle } from "./meta";

/** How many error summaries are on the page now (a page may show more than one). */
let shown = 0;

/**
 * While `showing`, the page's title starts with "Error: " (the NHS pattern, so screen-reader users
 * hear it first). Set here, in the browser, because Remix gives `meta` the loader's data and never
 * the action's (see `pageTitle`).
 */
export function useErrorTitle(showing: boolean) {
  useEffect(() => {
    if (!showing) return;
    shown++;
    document.title = errorTitle(document.title);
    return () => {
      shown--;
      if (shown === 0) document.title = plainTitle(document.title);
    };
  }, [showing]);
}
