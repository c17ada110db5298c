import { expect } from "vitest";
import type { z } from "zod";
import * as c from "@/lib/api/contract";

/**
 * Test helpers for the /api/v1/ route handlers, called directly with real Requests: who calls
 * (an API token, a staff session, a participant's session), and the answer checked against its
 * contract schema with its status.
 */
export const ORIGIN = "http://localhost:3000";
export const UNKNOWN = "00000000-0000-4000-8000-000000000000";
export type Who = { token?: string; staff?: string; participant?: string };

export function req(path: string, opts: Who & { method?: string; body?: unknown } = {}): Request {
  const headers: Record<string, string> = { host: "localhost:3000", "user-agent": "api-test" };
  const cookies: string[] = [];
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.staff) cookies.push(`authjs.session-token=${opts.staff}`);
  if (opts.participant) cookies.push(`stepwise.session=${opts.participant}`);
  if (cookies.length) headers.cookie = cookies.join("; ");
  // A browser (cookies) sends its Origin on a POST; a system calling with its token sends none.
  if (cookies.length && opts.method && opts.method !== "GET") headers.origin = ORIGIN;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}${path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
}

export const params = (id: string) => ({ params: Promise.resolve({ id }) });

export async function json<T extends z.ZodType>(res: Response, schema: T, status: number): Promise<z.output<T>> {
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return schema.parse(body);
}

export async function error(res: Response, status: number): Promise<z.output<typeof c.ZApiError>> {
  return json(res, c.ZApiError, status);
}
