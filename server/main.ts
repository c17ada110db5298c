/**
 * `npm start`: one process serving the Next app and the collaboration WebSocket on one port.
 * Environment defaults are set before anything reads them, then the real start-up is imported.
 */
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.NODE_ENV ??= "production";

const { start } = await import("./start");
await start().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
