import type { Database } from "#db/client";
import type { AppConfig } from "./config";

declare module "@remix-run/node" {
  interface AppLoadContext {
    database: Database;
    config: AppConfig;
    /** The client's address as Express sees it (trust proxy aware), for rate limiting. */
    clientAddress: string | null;
    /** This response's Content-Security-Policy nonce for inline scripts. */
    cspNonce?: string;
  }
}

export {};
