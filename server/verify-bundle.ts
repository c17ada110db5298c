/**
 * `npm run verify -- <bundle.json> [--keys <stepwise-keys.json>] [--lang da|nb|en]`: checks an
 * agreement bundle offline — no database, no network — and answers in the reader's language
 * (--lang, else LC_ALL / LC_MESSAGES / LANG, else Danish).
 *
 * Exit codes (README, "Checking an agreement offline"):
 *   0  VALID: intact, and sealed with one of the keys given with --keys
 *   1  INVALID: changed, damaged, or not a bundle
 *   2  wrong use (no file, unreadable file, unknown option): nothing was verified
 *   3  NOT VERIFIED (unknown key): intact, but its key is not one of the --keys
 *   4  NOT VERIFIED: intact, but no --keys were given, so whose key sealed it is unknown
 *
 * A bundle carries its own key, and anyone can edit an agreement and seal it again with a key of
 * their own; only the issuer's published keys (`/.well-known/stepwise-keys.json`, saved to a
 * file) tell its seal from a stranger's.
 */
import { readFileSync } from "node:fs";
import { verifyBundle, type BundleSummary, type TrustedKey } from "@/lib/agreements/bundle";
import { translator, type Translate } from "@/lib/agreements/labels";
import { describeProblem, problem } from "@/lib/agreements/verification-problem";
import { localeFromEnv } from "@/lib/i18n/locale-from-env";

type Args = { bundle: string; keys?: string };
type ArgError = { key: string; vars?: Record<string, string> };

function main(argv: string[]): number {
  const locale = localeFromEnv(langFlag(argv), process.env);
  const t = translator(locale);
  const args = parseArgs(argv);
  if (args === "help") {
    console.log(`${t("verifyCli.usage")}\n\n${t("verifyCli.help")}`);
    return 0;
  }
  if ("key" in args) return usage(t, t(`verifyCli.errors.${args.key}`, args.vars));

  let text: string;
  try {
    text = readFileSync(args.bundle, "utf8");
  } catch (e) {
    return usage(t, t("verifyCli.errors.cannotRead", { file: args.bundle, error: (e as Error).message }));
  }
  let trustedKeys: TrustedKey[] | undefined;
  if (args.keys) {
    const keys = readKeys(args.keys);
    if ("key" in keys) return usage(t, t(`verifyCli.errors.${keys.key}`, keys.vars));
    trustedKeys = keys.keys;
  }

  // A file that is no longer JSON is a damaged bundle, so it is a verdict (INVALID), not a usage error.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.log(t("verifyCli.invalid", { why: describeProblem(problem("notJson"), locale) }));
    return 1;
  }
  const result = verifyBundle(json, { trustedKeys });
  if (result.status === "invalid") {
    console.log(t("verifyCli.invalid", { why: describeProblem(result.problem, locale) }));
    return 1;
  }
  if (result.status === "unknown_key") {
    console.log(t("verifyCli.unknownKey", { why: describeProblem(result.problem, locale) }));
    console.log(trustedKeys ? t("verifyCli.unknownKeyHint") : t("verifyCli.noKeysHint"));
    console.log(describe(result.summary, t));
    return trustedKeys ? 3 : 4;
  }
  console.log(t("verifyCli.valid"));
  console.log(describe(result.summary, t));
  return 0;
}

function langFlag(argv: string[]): string | undefined {
  const i = argv.indexOf("--lang");
  return i === -1 ? undefined : argv[i + 1];
}

/** The parsed arguments, "help", or what is wrong with them (a catalogue key). */
function parseArgs(argv: string[]): Args | "help" | ArgError {
  let bundle: string | undefined;
  let keys: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--keys") {
      keys = argv[++i];
      if (!keys) return { key: "keysNeedFile" };
    } else if (a === "--lang") {
      const lang = argv[++i];
      if (lang !== "da" && lang !== "nb" && lang !== "en") return { key: "langNeedsValue" };
    } else if (a === "-h" || a === "--help") {
      return "help";
    } else if (a.startsWith("-")) {
      return { key: "unknownOption", vars: { option: a } };
    } else if (bundle === undefined) {
      bundle = a;
    } else {
      return { key: "oneBundle" };
    }
  }
  return bundle ? { bundle, keys } : { key: "noBundle" };
}

function readKeys(file: string): { keys: TrustedKey[] } | ArgError {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { keys?: unknown };
    if (!Array.isArray(parsed.keys)) return { key: "noKeysList", vars: { file } };
    const keys = parsed.keys.filter(
      (k): k is TrustedKey =>
        typeof k === "object" && k !== null && typeof (k as TrustedKey).kid === "string" && typeof (k as TrustedKey).publicKey === "string",
    );
    return { keys };
  } catch (e) {
    return { key: "cannotReadKeys", vars: { file, error: (e as Error).message } };
  }
}

/** The summary as aligned label/value lines, labels in the reader's language. */
function describe(s: BundleSummary, t: Translate): string {
  const label = (k: string) => t(`verifyCli.labels.${k}`);
  const role = (r: string) => {
    try {
      return t(`roles.${r}`);
    } catch {
      return r;
    }
  };
  const grouped = (hex: string) => hex.match(/.{1,4}/g)!.join(" ");
  const who = (x: BundleSummary["signers"][number]) => x.name ?? x.participantId;
  const roleWidth = Math.max(0, ...s.signers.map((x) => role(x.role).length));
  const nameWidth = Math.max(0, ...s.signers.map((x) => who(x).length));
  const signers = s.signers.map((x) => `${role(x.role).padEnd(roleWidth)}  ${who(x).padEnd(nameWidth)}  ${x.at}  (${x.authMethod})`);
  const rows: [string, string[]][] = [
    [label("agreement"), [t("verifyCli.agreementValue", { id: s.agreementId, version: s.version, caseId: s.caseId })]],
    [label("fingerprint"), [s.fingerprint]],
    [label("required"), [s.requiredSigners.map(role).join(", ")]],
    [label("signedBy"), signers],
    [label("sealed"), [t("verifyCli.sealedValue", { at: s.sealedAt, kid: s.kid })]],
    [label("key"), [t(s.keyTrusted ? "verifyCli.keyTrusted" : "verifyCli.keyUnchecked", { fingerprint: grouped(s.keyFingerprint) })]],
    [label("evidence"), [t(s.evidence === "full" ? "verifyCli.evidenceFull" : "verifyCli.evidenceRedacted")]],
  ];
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.flatMap(([l, values]) => values.map((v, i) => `  ${(i === 0 ? l : "").padEnd(width)}  ${v}`)).join("\n");
}

function usage(t: Translate, problemText: string): number {
  console.error(`verify: ${problemText}`);
  console.error(t("verifyCli.usage"));
  return 2;
}

process.exitCode = main(process.argv.slice(2));
