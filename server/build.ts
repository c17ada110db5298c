/**
 * `npm run build`: the production build, tagged with the sources' hash so that `npm start` knows
 * it is current. Run before `NODE_ENV=production npm start`, which never builds.
 */
import { build } from "./ensure-build";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// A build tool run by a person: its progress goes to the terminal as text, not as JSON log lines.
build((m) => process.stdout.write(`${m}\n`));
