/**
 * The one place that says which Chromium the browser tests (playwright.config.ts) and the B1
 * benchmark (bench/browser/) drive: no browser download works on these machines, so it is the
 * system's — Debian's by default (e2e/ensure-chromium.sh installs it), another by `CHROMIUM_PATH`.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
