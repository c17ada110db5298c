/**
 * `npm start`: one process serving the Next app and the collaboration WebSocket on one port.
 * Environment defaults are set before anything reads them, then the real start-up is imported.
 * NODE_ENV given by the operator means "run the build I made"; not given means a newcomer's
 * `npm start`, which builds when needed (server/ensure-build.ts).
 */
const envDefaults = process.env as Record<string, string | undefined>;
const buildOnStart = envDefaults.NODE_ENV === undefined || envDefaults.NODE_ENV === "";
envDefaults.NEXT_TELEMETRY_DISABLED ??= "1";
envDefaults.NODE_ENV ||= "production";

const { start } = await import("./start");
const { errorFields, logger } = await import("@/lib/log/logger");
await start({ buildOnStart }).catch((e: unknown) => {
  logger("server").error("could not start", errorFields(e));
  process.exit(1);
});

export {};
