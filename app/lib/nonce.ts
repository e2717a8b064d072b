import { createContext, useContext } from "react";

/** The per-response CSP nonce: set by entry.server, read by the root's <Scripts>. Empty in the browser. */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
