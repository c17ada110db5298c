/**
 * Where an upgrade request wants to go: `${path}/<room>?ticket=…`. `null` means "not ours" (the
 * caller hands it to Next); `room: null` means ours but malformed, which is answered with 4403
 * after the upgrade rather than an HTTP error, so the stock client stops retrying.
 */
export type RequestTarget = { room: string | null; ticket: string | null };

const ROOM_NAME_MAX = 200;

export function parseRequestTarget(url: string | undefined, path: string): RequestTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? "/", "http://localhost");
  } catch {
    return null;
  }
  const pathname = parsed.pathname;
  if (pathname !== path && !pathname.startsWith(`${path}/`)) return null;
  const ticket = parsed.searchParams.get("ticket");
  const rest = pathname.slice(path.length + 1);
  if (!rest || rest.includes("/") || rest.length > ROOM_NAME_MAX * 3) return { room: null, ticket };
  try {
    const room = decodeURIComponent(rest);
    return { room: room.length > 0 && room.length <= ROOM_NAME_MAX ? room : null, ticket };
  } catch {
    return { room: null, ticket };
  }
}
