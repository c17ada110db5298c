import { parseArgs } from "node:util";
import { withAllOrganisations } from "@/db/organisation-scope";
import { AppError, isAppError } from "../../errors";
import type { AdminCommand } from "./admin-command";
import { ADMIN_COMMANDS } from "./registry";

/**
 * Exit codes (README, "Operator CLI"):
 *   0  done: the answer is one line of JSON on stdout
 *   1  refused or failed (e.g. the address is already staff; the database is unreachable)
 *   2  wrong use: unknown command, a missing, unknown or invalid option, an unknown organisation —
 *      nothing was written
 */
export type AdminIo = { out(line: string): void; err(line: string): void };

export async function runAdmin(argv: readonly string[], io: AdminIo, commands: readonly AdminCommand[] = ADMIN_COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "help") {
    io.err(usage(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage(commands)}`);
    return 2;
  }
  const parsed = parseOptions(command, rest);
  if (typeof parsed === "string") {
    io.err(`${command.name}: ${parsed}\n\n${commandUsage(command)}`);
    return 2;
  }
  try {
    // The operator's command line serves every organisation: each command names the one it acts on.
    io.out(JSON.stringify(await withAllOrganisations(() => command.run(parsed.args, parsed.lists))));
    return 0;
  } catch (e) {
    if (!isAppError(e)) {
      io.err(`${command.name}: failed: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    io.err(`${command.name}: ${describe(command, e)}`);
    return e.code === "INVALID_INPUT" || e.code === "NOT_FOUND" ? 2 : 1;
  }
}

type Parsed = { args: Record<string, string>; lists: Record<string, string[]> };

/** The options as strings (a `multiple` one as a list), or why they are wrong (unknown, missing, empty). */
function parseOptions(command: AdminCommand, argv: readonly string[]): Parsed | string {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(command.options).map(([k, o]) => [k, { type: "string" as const, multiple: o.multiple === true }]),
      ),
      strict: true,
      allowPositionals: command.positional !== undefined,
    }));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  if (positionals.length > 1) return `takes one bare argument, got ${positionals.length}`;
  if (positionals.length === 1 && command.positional) {
    if (typeof values[command.positional] === "string") return `give --${command.positional} once, not also as a bare argument`;
    values[command.positional] = positionals[0];
  }
  const filled = (v: unknown) => typeof v === "string" && v.trim() !== "";
  const given = (k: string) => (Array.isArray(values[k]) ? (values[k] as unknown[]).every(filled) : filled(values[k]));
  const blank = Object.keys(command.options).filter((k) => values[k] !== undefined && !given(k));
  const missing = Object.keys(command.options).filter((k) => !given(k) && (!command.options[k]!.optional || blank.includes(k)));
  if (missing.length) return `missing ${missing.map((k) => `--${k}`).join(", ")}`;
  const args: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, o] of Object.entries(command.options)) {
    if (o.multiple) lists[k] = (values[k] as string[] | undefined) ?? [];
    else if (typeof values[k] === "string") args[k] = values[k];
  }
  return { args, lists };
}

const REASONS: Record<string, string> = {
  required: "is required",
  tooLong: "is too long",
  invalidEmail: "is not an e-mail address",
  notFound: "names no organisation",
  alreadyStaff: "is already a staff member",
  invalidUrl: "must be an https address (plain http only for localhost or 127.0.0.1)",
  groupRole: "must be <group>=<role> with the role one of caseworker, team_lead, admin",
  notStored: "is not stored: put the secret in the server's environment and name that variable with --client-secret-env",
  envName: "must name an environment variable in capitals, e.g. OIDC_SECRET_AARHUS",
};

/** "--country must be one of DK, NO" — the field errors in the words of the command line. */
function describe(command: AdminCommand, e: AppError): string {
  const details = Object.entries(e.details ?? {});
  if (details.length === 0) return e.message;
  return details
    .map(([field, code]) => {
      const choices = command.options[field]?.choices;
      const reason = code === "enum" && choices ? `must be one of ${choices.join(", ")}` : (REASONS[code] ?? code);
      return `--${field} ${reason}`;
    })
    .join("; ");
}

function commandUsage(c: AdminCommand): string {
  const opts = Object.entries(c.options)
    .map(([k, o]) => `  --${k} ${o.choices ? o.choices.join("|") : "<value>"}  ${o.help}`)
    .join("\n");
  const shape = Object.entries(c.options)
    .map(([k, o]) => (k === c.positional ? `<${k}>` : o.optional ? `[--${k} …]${o.multiple ? " …" : ""}` : `--${k} …`))
    .join(" ");
  return `npm run admin -- ${c.name} ${shape}\n  ${c.summary}\n${opts}`;
}

function usage(commands: readonly AdminCommand[]): string {
  return `Usage: npm run admin -- <command> [options]\n\n${commands.map(commandUsage).join("\n\n")}`;
}
