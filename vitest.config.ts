import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "docs/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Vitest's default on a 2-core machine is one file at a time. The files are independent (each
    // makes its own database) and much of their time waits on PostgreSQL, child processes and
    // sockets, so two at a time about halves the run (measured: 6.5 min with the browser specs'
    // build beside it, every file passing on PostgreSQL).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      NODE_ENV: "test",
      AUTH_SECRET: "vitest-only-secret-0123456789abcdef0123456789",
      DATA_DIR: ".test-data/vitest",
    },
  },
});
