"use server";

import { getLocale } from "next-intl/server";
import { checkUploadedBundle, MAX_BUNDLE_BYTES, type UploadedBundleCheck } from "@/lib/agreements/check-uploaded-bundle";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";

export type VerifyState =
  { ok: true; result: UploadedBundleCheck; fileName: string } | { ok: false; error: "no_file" | "too_large" | "failed" } | null;

/**
 * Anyone may check a verification file: who → nobody in particular (public); what → one file,
 * at most MAX_BUNDLE_BYTES; do → verify offline against this server's published keys; answer,
 * with the technical reason in the reader's language.
 */
export async function verifyUploadedBundle(_prev: VerifyState, form: FormData): Promise<VerifyState> {
  const file = form.get("bundle");
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "no_file" };
  if (file.size > MAX_BUNDLE_BYTES) return { ok: false, error: "too_large" };
  try {
    const locale = await getLocale();
    return {
      ok: true,
      result: checkUploadedBundle(await file.text(), isLocale(locale) ? locale : "da"),
      fileName: file.name.slice(0, 200),
    };
  } catch (e) {
    if (isAppError(e) && e.code === "INVALID_INPUT") return { ok: false, error: "too_large" };
    console.error(e);
    return { ok: false, error: "failed" };
  }
}
