import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// The suite runs on embedded PGlite by default and on PostgreSQL when DATABASE_URL is set.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/**/*.test.ts", "app/**/*.test.ts", "db/**/*.test.ts", "server/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Each test file gets its own process and (on PGlite) its own database from the dump.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
