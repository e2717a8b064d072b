import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Browser tests: the built production server on a fresh embedded database with demo data (and a
// collaborative with nothing in it, tests/e2e/support/fresh-collaborative.ts),
// driven by playwright-core in Debian's Chromium. Run `npm run build` first.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/support/server.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
