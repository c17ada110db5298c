import type { BrowserContext, Page } from "@playwright/test";

/**
 * Cutting a page's network the way a dropped connection would. The browser's offline emulation
 * does not end sockets that are already open, so tests close them themselves, through a recorder
 * installed before any page script runs; while offline, every new socket and request fails.
 */
type Recorded = { __e2eSockets?: WebSocket[] };

/** Record every WebSocket the context's pages open from their next document on. */
export async function recordSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const made: WebSocket[] = [];
    (window as unknown as Recorded).__e2eSockets = made;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        made.push(this);
      }
    };
  });
}

/** The network goes away: the browser knows (navigator.onLine), and open sockets are cut. */
export async function dropNetwork(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await page.evaluate(() => {
    for (const ws of (window as unknown as Recorded).__e2eSockets ?? []) ws.close();
  });
}
