import { AppError } from "../errors";
import { verifyBundle, type BundleSummary } from "./bundle";
import { serverPublicKeys } from "./server-signing-key";

/** Bundles are a few tens of kilobytes; anything much larger is not one. */
export const MAX_BUNDLE_BYTES = 512 * 1024;

export type UploadedBundleCheck =
  | { valid: true; summary: BundleSummary; sealedHere: boolean; currentKey: boolean }
  | { valid: false; why: string };

/**
 * Anyone may check a bundle (no sign-in): first that it is intact (verifyBundle with its own key),
 * then whether its key is one this server has published — the difference between "nothing was
 * changed" and "and this server sealed it".
 */
export function checkUploadedBundle(text: string): UploadedBundleCheck {
  if (Buffer.byteLength(text, "utf8") > MAX_BUNDLE_BYTES) {
    throw new AppError("INVALID_INPUT", `The file is larger than ${MAX_BUNDLE_BYTES / 1024} KB; a verification file is much smaller`, { file: "too_large" });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { valid: false, why: "the file is not valid JSON" };
  }
  const intact = verifyBundle(json);
  if (!intact.valid) return intact;
  const keys = serverPublicKeys().keys;
  const here = verifyBundle(json, { trustedKeys: keys });
  const key = keys.find((k) => k.kid === intact.summary.kid);
  return { valid: true, summary: intact.summary, sealedHere: here.valid, currentKey: here.valid && key?.current === true };
}
