/**
 * `npm start`: one process serving the Next app and the collaboration WebSocket on one port.
 * Environment defaults are set before anything reads them, then the real start-up is imported.
 */
const envDefaults = process.env as Record<string, string | undefined>;
envDefaults.NEXT_TELEMETRY_DISABLED ??= "1";
envDefaults.NODE_ENV ??= "production";

const { start } = await import("./start");
await start().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});

export {};
