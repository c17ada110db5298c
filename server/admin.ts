/**
 * `npm run admin -- <command> --option value …`: the operator's CLI (org:create, staff:add …,
 * lib/system/admin/registry.ts). Uses the same database as the server (DATABASE_URL and
 * DATABASE_OWNER_URL, else PGlite under DATA_DIR — stop the server first then: PGlite has one
 * process). The answer is one line of JSON on stdout; errors and logs go to stderr.
 */
import { logToStderr } from "@/lib/log/logger";
import { runAdmin } from "@/lib/system/admin/run-admin";
import { shutdownDatabase } from "@/lib/system/shutdown-database";

logToStderr();
const code = await runAdmin(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
await shutdownDatabase();
process.exit(code);
