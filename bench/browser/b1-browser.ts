import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { forEachRun, sleep, type Context } from "../lib/context";
import { summarize } from "../lib/stats";
import { CHROMIUM_PATH } from "../../e2e/chromium";
import { startApp, type AppProcess } from "./app-process";

/**
 * B1, the figures a person feels (issue 19), in real Chromium (the system's, e2e/chromium.ts) against the
 * whole app started as `npm start` is, with the seeded demo meeting:
 * - join link → room ready ("all changes saved"), cold (fresh browser profile) and warm (the same
 *   tab opening the room again: HTTP cache and session warm);
 * - JavaScript and CSS transferred (encoded, as sent: gzip when the server compresses) for the
 *   room and for the shared screen;
 * - keystroke → visible: one person types into the running summary; the time from the keystroke
 *   (`beforeinput` in the typist's tab) until the character is rendered (a requestAnimationFrame
 *   check) in three other participants' tabs and on the shared screen; then the same with four
 *   people typing at once (each a character of their own, so every tab can tell whose k-th
 *   keystroke it sees);
 * - a tab's memory (JS heap after a forced GC, DOM nodes) before and after a simulated meeting of
 *   `b1MeetingEdits` keystrokes (typing and deleting, 90 minutes of a meeting compressed in time).
 * The clock: every tab reads performance.timeOrigin + performance.now(), one machine's clock.
 */
const READY = '[data-testid="connection-status"][data-status="saved"], [data-testid="connection-status"][data-status="following"]';
const FIELD = '[data-testid="flow-summary"]';
const SCREEN_TEXT = '[data-testid="present-summary-text"]';
/** One character per typist: absent from the demo's text, so each tab counts them. */
const MARKS = ["ǂ", "ǁ", "ʘ", "ǀ"];

type Transfer = { scriptBytes: number; cssBytes: number; scriptDecoded: number; requests: number; scriptAtStartBytes?: number };

/**
 * Of the scripts the page fetched, the bytes (as sent) of those it started fetching before
 * DOMContentLoaded: what the page needs before it can show anything. The rest were fetched on
 * demand (the notes editor's chunk, built in an idle moment).
 */
async function scriptBytesAtStart(page: Page): Promise<number> {
  return (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return performance.getEntriesByType("resource")
      .filter((e) => /\\.js(\\?|$)/.test(e.name) && e.startTime < nav.domContentLoadedEventEnd)
      .reduce((sum, e) => sum + e.transferSize, 0);
  })()`)) as number;
}

function trackTransfer(page: Page): { read(): Promise<Transfer> } {
  const pending: Promise<void>[] = [];
  const t: Transfer = { scriptBytes: 0, cssBytes: 0, scriptDecoded: 0, requests: 0 };
  page.on("requestfinished", (req) => {
    const type = req.resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    pending.push(
      (async () => {
        const sizes = await req.sizes();
        t.requests++;
        if (type === "script") {
          t.scriptBytes += sizes.responseBodySize;
          const res = await req.response();
          t.scriptDecoded += res ? (await res.body().catch(() => Buffer.alloc(0))).byteLength : 0;
        } else t.cssBytes += sizes.responseBodySize;
      })().catch(() => {}),
    );
  });
  return {
    async read() {
      await Promise.all(pending);
      return { ...t };
    },
  };
}

async function newTab(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

/** Open a join link in a fresh profile; ms until the room says everything is saved. */
async function joinCold(browser: Browser, link: string): Promise<{ context: BrowserContext; page: Page; ms: number; transfer: Transfer }> {
  const { context, page } = await newTab(browser);
  const tr = trackTransfer(page);
  const t0 = performance.now();
  await page.goto(link);
  await page.waitForSelector(READY, { timeout: 60_000 });
  const ms = performance.now() - t0;
  return { context, page, ms, transfer: { ...(await tr.read()), scriptAtStartBytes: await scriptBytesAtStart(page) } };
}

async function reopenWarm(page: Page): Promise<number> {
  const url = page.url();
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForSelector(READY, { timeout: 60_000 });
  return performance.now() - t0;
}

/**
 * In an observer tab: record when the k-th occurrence of each mark is first rendered. Plain
 * JavaScript text, so the bundler adds no helpers the page does not have.
 */
async function watch(page: Page, selector: string, prop: "value" | "textContent"): Promise<void> {
  await page.evaluate(`(() => {
    const selector = ${JSON.stringify(selector)};
    const prop = ${JSON.stringify(prop)};
    const marks = ${JSON.stringify(MARKS)};
    const read = () => { const el = document.querySelector(selector); return String((el && el[prop]) || ""); };
    const count = (s, c) => s.split(c).length - 1;
    const start = read();
    const base = {};
    for (const m of marks) base[m] = count(start, m);
    const seen = {};
    for (const m of marks) seen[m] = [];
    window.__seen = seen;
    const tick = () => {
      if (window.__seen !== seen) return;
      const v = read();
      const now = performance.timeOrigin + performance.now();
      for (const m of marks) {
        const n = count(v, m) - base[m];
        while (seen[m].length < n) seen[m].push(now);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

async function armTypist(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__sent = [];
    if (!window.__typistArmed) {
      window.__typistArmed = true;
      document.addEventListener("beforeinput", (e) => {
        if (e.data) window.__sent.push([e.data, performance.timeOrigin + performance.now()]);
      }, true);
    }
  })()`);
  await page.click(FIELD);
  await page.keyboard.press("End");
}

async function typeMarks(page: Page, mark: string, n: number, everyMs: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.keyboard.insertText(mark);
    await sleep(everyMs);
  }
}

/** Latencies typist → each observer, matched by mark and occurrence. */
async function latencies(
  typists: { page: Page; mark: string }[],
  observers: Page[],
  n: number,
): Promise<{ all: number[]; missing: number }> {
  const deadline = Date.now() + 30_000;
  const seen = async (p: Page) => (await p.evaluate("window.__seen")) as Record<string, number[]>;
  // Wait until every observer saw every keystroke (or the deadline: the rest counts as missing).
  for (;;) {
    const all = await Promise.all(observers.map(seen));
    const done = typists.every(({ page, mark }) => all.every((s, i) => observers[i] === page || (s[mark]?.length ?? 0) >= n));
    if (done || Date.now() > deadline) break;
    await sleep(200);
  }
  const out: number[] = [];
  let missing = 0;
  const seenAll = await Promise.all(observers.map(seen));
  for (const { page, mark } of typists) {
    const sent = ((await page.evaluate("window.__sent")) as [string, number][]).filter(([d]) => d === mark).map(([, t]) => t);
    seenAll.forEach((s, i) => {
      if (observers[i] === page) return;
      const times = s[mark] ?? [];
      for (let k = 0; k < sent.length; k++) {
        if (times[k] === undefined) missing++;
        else out.push(times[k]! - sent[k]!);
      }
    });
  }
  return { all: out, missing };
}

/**
 * A tab's main-thread time (CDP `ThreadTime`: script, style, layout, paint), read before and after
 * a phase: what each keystroke costs a tab, whatever the machine's other tabs do. B1 runs five tabs
 * on one core; in a meeting each person has a computer of their own.
 */
async function threadClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return async () => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime")?.value ?? NaN) * 1000;
}

async function heap(page: Page): Promise<{ heapMb: number; nodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  await cdp.detach();
  return { heapMb: get("JSHeapUsedSize") / 1024 / 1024, nodes: get("Nodes") };
}

export async function runB1(ctx: Context): Promise<void> {
  await forEachRun(
    ctx,
    "B1",
    {},
    async () => {
      let app: AppProcess | null = null;
      let browser: Browser | null = null;
      try {
        app = await startApp(ctx.opts.browserPort, ctx.log);
        const { links, meetingUrl } = app.links;
        browser = await chromium.launch({
          executablePath: CHROMIUM_PATH,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-precise-memory-info",
          ],
        });

        // Cold and warm joins (the first cold join also loads the room on the server).
        const colds: number[] = [];
        const warms: number[] = [];
        let roomTransfer: Transfer | null = null;
        for (let i = 0; i < ctx.opts.b1Joins; i++) {
          const j = await joinCold(browser, links.employee);
          colds.push(j.ms);
          roomTransfer ??= j.transfer;
          for (let k = 0; k < 2; k++) warms.push(await reopenWarm(j.page));
          await j.context.close();
        }
        ctx.log(
          `  B1: room ready cold ${colds.map((x) => x.toFixed(0)).join(", ")} ms; warm ${warms.map((x) => x.toFixed(0)).join(", ")} ms`,
        );

        // The meeting: four participants' tabs and the shared screen.
        const typist = await joinCold(browser, links.employee);
        const others = await Promise.all([links.caseworker, links.manager, links.union_rep].map((l) => joinCold(browser!, l)));
        const screenTab = await joinCold(browser, links.manager);
        const screenTr = trackTransfer(screenTab.page);
        await screenTab.page.goto(`${meetingUrl}/present`);
        await screenTab.page.waitForSelector('[data-testid="present-view"]', { timeout: 60_000 });
        await screenTab.page.waitForSelector(READY, { timeout: 60_000 });
        const screenTransfer = await screenTr.read();
        const roomPages = [typist.page, ...others.map((o) => o.page)];
        const observers = [...roomPages, screenTab.page];
        const arm = async () => {
          for (const p of roomPages) await watch(p, FIELD, "value");
          await watch(screenTab.page, SCREEN_TEXT, "textContent");
        };

        // One typing.
        const clocks = await Promise.all(observers.map(threadClock));
        const readClocks = () => Promise.all(clocks.map((c) => c()));
        let t0 = await readClocks();
        await arm();
        await armTypist(typist.page);
        await typeMarks(typist.page, MARKS[0]!, ctx.opts.b1Edits, 60);
        const one = await latencies([{ page: typist.page, mark: MARKS[0]! }], observers, ctx.opts.b1Edits);
        let t1 = await readClocks();
        // Per keystroke shown: a room tab that does not type (the caseworker's), and the shared screen.
        const oneRoomCpu = (t1[1]! - t0[1]!) / ctx.opts.b1Edits;
        const oneScreenCpu = (t1[observers.length - 1]! - t0[observers.length - 1]!) / ctx.opts.b1Edits;
        const oneS = summarize(one.all);
        ctx.log(
          `  B1: one typing, ${one.all.length} observations: p50 ${oneS.p50.toFixed(1)} ms, p99 ${oneS.p99.toFixed(1)} ms, missing ${one.missing}; main thread per keystroke: room ${oneRoomCpu.toFixed(1)} ms, screen ${oneScreenCpu.toFixed(1)} ms`,
        );

        // Four typing at once.
        t0 = await readClocks();
        await arm();
        for (const p of roomPages) await armTypist(p);
        const perTypist = Math.ceil(ctx.opts.b1Edits / 4) * 2;
        await Promise.all(roomPages.map((p, i) => typeMarks(p, MARKS[i]!, perTypist, 120)));
        const four = await latencies(
          roomPages.map((page, i) => ({ page, mark: MARKS[i]! })),
          observers,
          perTypist,
        );
        t1 = await readClocks();
        const shown = 4 * perTypist;
        const fourRoomCpu = summarize(roomPages.map((_, i) => (t1[i]! - t0[i]!) / shown)).p50;
        const fourScreenCpu = (t1[observers.length - 1]! - t0[observers.length - 1]!) / shown;
        const fourS = summarize(four.all);
        ctx.log(
          `  B1: four typing, ${four.all.length} observations: p50 ${fourS.p50.toFixed(1)} ms, p99 ${fourS.p99.toFixed(1)} ms, missing ${four.missing}; main thread per keystroke: room ${fourRoomCpu.toFixed(1)} ms, screen ${fourScreenCpu.toFixed(1)} ms`,
        );

        // A tab's memory before and after a simulated meeting (typing and deleting in bursts).
        const before = await heap(others[0]!.page);
        const screenBefore = await heap(screenTab.page);
        await typist.page.click(FIELD);
        let typed = 0;
        while (typed < ctx.opts.b1MeetingEdits) {
          await typist.page.keyboard.press("End");
          await typist.page.keyboard.type("notat om næste skridt ", { delay: 5 });
          for (let i = 0; i < 22; i++) await typist.page.keyboard.press("Backspace");
          typed += 44;
        }
        await sleep(2000);
        const after = await heap(others[0]!.page);
        const screenAfter = await heap(screenTab.page);
        ctx.log(
          `  B1: tab heap ${before.heapMb.toFixed(1)} → ${after.heapMb.toFixed(1)} MB after ${typed} edits; screen ${screenBefore.heapMb.toFixed(1)} → ${screenAfter.heapMb.toFixed(1)} MB`,
        );

        const coldS = summarize(colds);
        const warmS = summarize(warms);
        return {
          valid: true,
          invalidReasons: [],
          generator: null,
          metrics: {
            coldFirstMs: colds[0]!,
            coldP50Ms: coldS.p50,
            coldMaxMs: coldS.max,
            warmP50Ms: warmS.p50,
            warmMaxMs: warmS.max,
            roomJsKiB: (roomTransfer?.scriptBytes ?? NaN) / 1024,
            roomJsDecodedKiB: (roomTransfer?.scriptDecoded ?? NaN) / 1024,
            roomJsAtStartKiB: (roomTransfer?.scriptAtStartBytes ?? NaN) / 1024,
            roomCssKiB: (roomTransfer?.cssBytes ?? NaN) / 1024,
            screenJsKiB: screenTransfer.scriptBytes / 1024,
            screenCssKiB: screenTransfer.cssBytes / 1024,
            oneP50Ms: oneS.p50,
            oneP99Ms: oneS.p99,
            oneSamples: one.all.length,
            oneMissing: one.missing,
            fourP50Ms: fourS.p50,
            fourP99Ms: fourS.p99,
            fourSamples: four.all.length,
            fourMissing: four.missing,
            oneRoomCpuMsPerKey: oneRoomCpu,
            oneScreenCpuMsPerKey: oneScreenCpu,
            fourRoomCpuMsPerKey: fourRoomCpu,
            fourScreenCpuMsPerKey: fourScreenCpu,
            meetingEdits: typed,
            tabHeapBeforeMb: before.heapMb,
            tabHeapAfterMb: after.heapMb,
            tabNodesAfter: after.nodes,
            screenHeapBeforeMb: screenBefore.heapMb,
            screenHeapAfterMb: screenAfter.heapMb,
          },
        };
      } finally {
        await browser?.close().catch(() => {});
        await app?.stop();
      }
    },
    ["ours"],
    1,
  );
}
