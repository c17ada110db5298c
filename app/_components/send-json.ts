/** Send JSON to one of our routes (same origin, so the Origin check passes); status, error code and field details back. */
export type SendResult =
  { ok: true; body: Record<string, unknown> } | { ok: false; status: number; code: string | null; details: Record<string, string> };

export async function sendJson(url: string, method: "POST" | "PUT" | "DELETE", body?: unknown): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: null, details: {} };
  }
  const json = (await res.json().catch(() => ({}))) as { error?: string; details?: Record<string, string> } & Record<string, unknown>;
  if (res.ok) return { ok: true, body: json };
  return { ok: false, status: res.status, code: json.error ?? null, details: json.details ?? {} };
}
