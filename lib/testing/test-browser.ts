/**
 * A browser without a screen, for flows that cross servers (our app and an OpenID provider):
 * a cookie jar per origin, redirects followed one hop at a time (3xx → GET, as browsers do
 * after a form post), and HTML forms read and submitted. Enough for the protocol; the pages'
 * looks are the Playwright specs' business.
 */
export type Hop = { url: string; status: number; location: string | null };

export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  /** Every response seen, in order: where the flow went. */
  readonly hops: Hop[] = [];

  cookies(origin: string): Map<string, string> {
    let m = this.jar.get(origin);
    if (!m) this.jar.set(origin, (m = new Map()));
    return m;
  }

  /** One request, no redirect followed; cookies sent and stored. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const headers = new Headers();
    const jar = this.cookies(u.origin);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    let body: string | undefined;
    if (init.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(u, { method: init.method ?? (body ? "POST" : "GET"), headers, body, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    this.hops.push({ url: u.href, status: res.status, location: res.headers.get("location") });
    return res;
  }

  /**
   * Request, then follow redirects while `keepGoing(url)` holds (by default always), up to 20 hops.
   * Answers the last response and its URL.
   */
  async go(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    keepGoing: (next: URL) => boolean = () => true,
  ): Promise<{ res: Response; url: string }> {
    let res = await this.request(url, init);
    let at = url;
    for (let i = 0; i < 20 && res.status >= 300 && res.status < 400; i++) {
      const next = new URL(res.headers.get("location")!, at);
      if (!keepGoing(next)) return { res, url: at };
      await res.body?.cancel();
      at = next.href;
      res = await this.request(at);
    }
    return { res, url: at };
  }
}

/** The first form of a page: where it posts, and its fields with their values. */
export function firstForm(html: string, pageUrl: string): { action: string; fields: Record<string, string> } {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form on ${pageUrl}`);
  const action = /\baction="([^"]*)"/i.exec(form[0])?.[1] ?? pageUrl;
  const fields: Record<string, string> = {};
  for (const input of form[1]!.matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(input[0])?.[1];
    if (name) fields[name] = /\bvalue="([^"]*)"/i.exec(input[0])?.[1] ?? "";
  }
  return { action: new URL(action.replace(/&amp;/g, "&"), pageUrl).href, fields };
}
