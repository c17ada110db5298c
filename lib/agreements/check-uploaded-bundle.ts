import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { verifyBundle, type BundleSummary } from "./bundle";
import { serverPublicKeys } from "./server-signing-key";
import { describeProblem, problem, type Problem } from "./verification-problem";

/** Bundles are a few tens of kilobytes; anything much larger is not one. */
export const MAX_BUNDLE_BYTES = 512 * 1024;

/**
 * valid        intact and sealed with one of this server's keys: green
 * unknown_key  intact, but sealed with a key this server never had: not verified, not green
 * invalid      changed, damaged, or not a verification file: red
 * `why` is the technical reason in the reader's language.
 */
export type UploadedBundleCheck =
  | { status: "valid"; summary: BundleSummary; currentKey: boolean }
  | { status: "unknown_key"; summary: BundleSummary; problem: Problem; why: string }
  | { status: "invalid"; problem: Problem; why: string };

/**
 * Anyone may check a bundle (no sign-in) against the keys this server has published: intact and
 * sealed here is VALID; intact with a stranger's key is "not verified (unknown key)" — a bundle
 * re-sealed by whoever edited it is intact too, so intact alone proves nothing about origin.
 */
export function checkUploadedBundle(text: string, locale: Locale = "en"): UploadedBundleCheck {
  if (Buffer.byteLength(text, "utf8") > MAX_BUNDLE_BYTES) {
    throw new AppError("INVALID_INPUT", `The file is larger than ${MAX_BUNDLE_BYTES / 1024} KB; a verification file is much smaller`, {
      file: "too_large",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const p = problem("notJson");
    return { status: "invalid", problem: p, why: describeProblem(p, locale) };
  }
  const keys = serverPublicKeys().keys;
  const r = verifyBundle(json, { trustedKeys: keys });
  if (r.status === "valid")
    return { status: "valid", summary: r.summary, currentKey: keys.find((k) => k.kid === r.summary.kid)?.current === true };
  if (r.status === "unknown_key")
    return { status: "unknown_key", summary: r.summary, problem: r.problem, why: describeProblem(r.problem, locale) };
  return { status: "invalid", problem: r.problem, why: describeProblem(r.problem, locale) };
}
