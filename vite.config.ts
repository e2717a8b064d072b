import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// The Remix plugin is left out under Vitest: route modules are imported directly by tests.
const isVitest = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [
    !isVitest &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    tsconfigPaths(),
  ],
  server: { port: 3000 },
  build: { target: "es2022", cssMinify: false /* nhsuk-frontend ships minified; re-minifying trips on its IE hacks */ },
  ssr: {
    // Native or server-only packages stay external to the server bundle.
    external: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "unpdf", "mammoth", "busboy"],
  },
});
