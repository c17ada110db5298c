"use server";

import { getLocale } from "next-intl/server";
import { action, type ActionResult } from "@/app/_server/action";
import { checkUploadedBundle, MAX_BUNDLE_BYTES, type UploadedBundleCheck } from "@/lib/agreements/check-uploaded-bundle";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";

export type VerifiedBundle = { result: UploadedBundleCheck; fileName: string };
export type VerifyState = ActionResult<VerifiedBundle> | null;

/**
 * Anyone may check a verification file, through the one action wrapper (app/_server/action.ts:
 * the Origin check, errors mapped once): who → nobody in particular (public); what → one file, at
 * most MAX_BUNDLE_BYTES (a missing or too large one is a field error on `file`: `no_file`,
 * `too_large`); do → verify offline against this server's published keys; answer, with the
 * technical reason in the reader's language.
 */
export const verifyUploadedBundle = action({ auth: "none" }, async (_ctx, _prev: VerifyState, form: FormData): Promise<VerifiedBundle> => {
  const file = form.get("bundle");
  if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID_INPUT", "no file was sent", { file: "no_file" });
  if (file.size > MAX_BUNDLE_BYTES) throw new AppError("INVALID_INPUT", "the file is too large", { file: "too_large" });
  const locale = await getLocale();
  return { result: checkUploadedBundle(await file.text(), isLocale(locale) ? locale : "da"), fileName: file.name.slice(0, 200) };
});
