/** POST JSON to one of our routes; the answer's status, error code and field details. */
export type PostResult =
  { ok: true; body: Record<string, unknown> } | { ok: false; status: number; code: string | null; details: Record<string, string> };

export async function postJson(url: string, body: unknown): Promise<PostResult> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, code: null, details: {} };
  }
  const json = (await res.json().catch(() => ({}))) as { error?: string; details?: Record<string, string> } & Record<string, unknown>;
  if (res.ok) return { ok: true, body: json };
  return { ok: false, status: res.status, code: json.error ?? null, details: json.details ?? {} };
}
