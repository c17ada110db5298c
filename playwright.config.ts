import { readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_PATH } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * The browser specs in a random file order (issue 14.7: each creates what it needs, so any order
 * and any pairing of files in parallel must pass). Playwright runs files in path order whatever
 * the command line says, but projects in the order they are listed: one project per spec file,
 * shuffled by a seed. The seed is chosen once, in the runner, and handed to the workers (which
 * load this file again) through the environment; E2E_ORDER_SEED=<n> repeats an order.
 */
function seededShuffle<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

if (!process.env.E2E_ORDER_SEED) {
  process.env.E2E_ORDER_SEED = String(Math.floor(Math.random() * 1_000_000));
  console.log(
    `[e2e] spec files in random order, seed ${process.env.E2E_ORDER_SEED} (E2E_ORDER_SEED=${process.env.E2E_ORDER_SEED} repeats it)`,
  );
}
const SPECS = seededShuffle(
  readdirSync(path.join(process.cwd(), "e2e"))
    .filter((f) => f.endsWith(".spec.ts"))
    .sort(),
  Number(process.env.E2E_ORDER_SEED),
);

/**
 * One shared server for the whole suite (started like `npm start`), Debian's Chromium, two
 * workers on these 2-core machines: two spec files at a time, each file's tests in order.
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  projects: SPECS.map((file) => ({ name: file.replace(/\.spec\.ts$/, ""), testMatch: new RegExp(`(^|/)${file.replace(/\./g, "\\.")}$`) })),
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "off",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "node e2e/serve.mjs",
    url: `${BASE_URL}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      PUBLIC_URL: BASE_URL,
      E2E_DATA_DIR: ".test-data/e2e",
      STEPWISE_TEST_CLOCK: "1",
      // The client secret of the organisation e2e/staff-oidc.spec.ts signs in with at its own test IdP.
      OIDC_SECRET_E2E: "e2e-oidc-client-secret",
      // A line per request would bury the test report; warnings and errors still show.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  },
});
