import { NextResponse } from "next/server";
import type { z } from "zod";
import { SESSION_COOKIE_NAMES } from "@/lib/access/session-cookie";
import { STAFF_SESSION_COOKIES, type AgreementPrincipal } from "@/lib/agreements/require-agreement-actor";
import { AppError } from "@/lib/errors";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";

/**
 * Small request readers shared by the agreement route handlers. They read the Request itself
 * (not next/headers), so each handler can be called directly from a test.
 */

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** The participant session token from the request's cookies, if any. */
export function sessionOf(req: Request): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    const v = cookie(req, name);
    if (v) return v;
  }
  return undefined;
}

/** Every credential the request carries: the participant's session and the staff member's. */
export function principalOf(req: Request): AgreementPrincipal {
  const staff = STAFF_SESSION_COOKIES.map((n) => cookie(req, n)).find(Boolean);
  return { participantSessionToken: sessionOf(req), staffSessionToken: staff ?? null };
}

/** The reader's language: their choice (cookie), else their browser's, else Danish. */
export function localeOf(req: Request): Locale {
  const chosen = cookie(req, LOCALE_COOKIE);
  return isLocale(chosen) ? chosen : negotiateLocale(req.headers.get("accept-language"));
}

/**
 * The device as the request reports it. The IP is the first X-Forwarded-For hop (set by the proxy
 * in front of us), else X-Real-IP, else unknown (null): evidence says "as reported", never guesses.
 */
export function clientOf(req: Request): { ip: string | null; userAgent: string | null } {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = (forwarded || req.headers.get("x-real-ip")?.trim() || null)?.slice(0, 100) ?? null;
  const ua = req.headers.get("user-agent");
  return { ip, userAgent: ua ? ua.slice(0, 400) : null };
}

const MAX_BODY_BYTES = 16 * 1024;

/** The JSON body, validated; a calm 400 naming the fields that are wrong. */
export async function readBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("INVALID_INPUT", "The request is too large");
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.code]));
    throw new AppError("INVALID_INPUT", "Some fields are missing or not valid", details);
  }
  return parsed.data;
}

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
