/**
 * `npm run verify -- <bundle.json> [--keys <stepwise-keys.json>]`: checks an agreement bundle
 * offline — no database, no network — and prints VALID with a summary, or INVALID: <why>.
 * Exit 0 valid, 1 invalid, 2 usage error (nothing was verified).
 *
 * `--keys` takes a saved copy of the server's `/.well-known/stepwise-keys.json`; then the bundle's
 * key must be one of them, which proves the seal came from that server and not from whoever made
 * the bundle.
 */
import { readFileSync } from "node:fs";
import { verifyBundle, type BundleSummary, type TrustedKey } from "@/lib/agreements/bundle";

const USAGE = "Usage: npm run verify -- <bundle.json> [--keys <stepwise-keys.json>]";

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }
  if (typeof args === "string") return usage(args);

  let text: string;
  try {
    text = readFileSync(args.bundle, "utf8");
  } catch (e) {
    return usage(`cannot read ${args.bundle}: ${(e as Error).message}`);
  }
  let trustedKeys: TrustedKey[] | undefined;
  if (args.keys) {
    const keys = readKeys(args.keys);
    if (typeof keys === "string") return usage(keys);
    trustedKeys = keys;
  }

  // A file that is no longer JSON is a damaged bundle, so it is a verdict (INVALID), not a usage error.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.log("INVALID: the file is not valid JSON");
    return 1;
  }
  const result = verifyBundle(json, { trustedKeys });
  if (!result.valid) {
    console.log(`INVALID: ${result.why}`);
    return 1;
  }
  console.log("VALID");
  console.log(describe(result.summary));
  return 0;
}

/** The parsed arguments, "help", or what is wrong with them. */
function parseArgs(argv: string[]): { bundle: string; keys?: string } | string {
  let bundle: string | undefined;
  let keys: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--keys") {
      keys = argv[++i];
      if (!keys) return "--keys needs a file";
    } else if (a === "-h" || a === "--help") {
      return "help";
    } else if (a.startsWith("-")) {
      return `unknown option ${a}`;
    } else if (bundle === undefined) {
      bundle = a;
    } else {
      return "give one bundle file";
    }
  }
  return bundle ? { bundle, keys } : "no bundle file given";
}

function readKeys(file: string): TrustedKey[] | string {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { keys?: unknown };
    if (!Array.isArray(parsed.keys)) return `${file} has no "keys" list`;
    return parsed.keys.filter(
      (k): k is TrustedKey => typeof k === "object" && k !== null && typeof (k as TrustedKey).kid === "string" && typeof (k as TrustedKey).publicKey === "string",
    );
  } catch (e) {
    return `cannot read keys from ${file}: ${(e as Error).message}`;
  }
}

function describe(s: BundleSummary): string {
  const who = (x: BundleSummary["signers"][number]) => x.name ?? x.participantId;
  const width = Math.max(...s.signers.map((x) => x.role.length), 0);
  const nameWidth = Math.max(...s.signers.map((x) => who(x).length), 0);
  const lines = [
    `  Agreement    ${s.agreementId}, version ${s.version} (case ${s.caseId})`,
    `  Fingerprint  ${s.fingerprint}`,
    `  Required     ${s.requiredSigners.join(", ")}`,
    `  Signed by`,
    ...s.signers.map((x) => `    ${x.role.padEnd(width)}  ${who(x).padEnd(nameWidth)}  ${x.at}  (${x.authMethod})`),
    `  Sealed       ${s.sealedAt} with key ${s.kid}`,
    s.keyTrusted
      ? `  Key          matches the trusted keys given with --keys`
      : `  Key          taken from the bundle itself; compare ${s.kid} with the server's /.well-known/stepwise-keys.json (or pass --keys)`,
  ];
  return lines.join("\n");
}

function usage(problem: string): number {
  console.error(`verify: ${problem}`);
  console.error(USAGE);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
