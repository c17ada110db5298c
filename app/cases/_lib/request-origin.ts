import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The address join links are built on: PUBLIC_URL when set (production), else the address the
 * caseworker is using right now, so a link or QR code made on http://192.168.1.20:3000 works for
 * the phones in the same room.
 */
export async function requestOrigin(): Promise<string> {
  const configured = env().PUBLIC_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? `localhost:${env().PORT}`;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
