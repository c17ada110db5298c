import type { Page } from "@playwright/test";

/**
 * Counts what React renders in a page, without touching the app: a stand-in for the React
 * DevTools hook (React calls `onCommitFiberRoot` after every commit, in production builds too).
 * A component counts when it mounted or performed work in a commit; subtrees React skipped are
 * not walked (their child pointer is the previous commit's).
 */
function installHook(): void {
  type Fiber = {
    tag: number;
    flags: number;
    alternate: Fiber | null;
    child: Fiber | null;
    sibling: Fiber | null;
    stateNode: unknown;
    type: unknown;
  };
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  const probe = { commits: 0, renders: 0, where: {} as Record<string, number> };
  (window as unknown as { __renderProbe: typeof probe }).__renderProbe = probe;
  const label = (f: Fiber): string => {
    let c: Fiber | null = f;
    while (c && c.tag !== 5) c = c.child;
    const el = c?.stateNode as Element | undefined;
    const host = el?.closest?.("[data-testid]");
    return host?.getAttribute("data-testid") ?? "(none)";
  };
  const walk = (f: Fiber | null): void => {
    for (let c = f; c; c = c.sibling) {
      if (COMPONENT_TAGS.has(c.tag) && (c.alternate === null || (c.flags & PERFORMED_WORK) !== 0)) {
        probe.renders++;
        const k = label(c);
        probe.where[k] = (probe.where[k] ?? 0) + 1;
      }
      if (c.alternate && c.child === c.alternate.child) continue;
      walk(c.child);
    }
  };
  let nextId = 1;
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    checkDCE() {},
    inject() {
      return nextId++;
    },
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      probe.commits++;
      const cur = root.current;
      walk(cur.alternate && cur.child === cur.alternate.child ? null : cur.child);
    },
  };
}

export type RenderCount = { commits: number; renders: number; where: Record<string, number> };

/** Install before the page's scripts run (call before goto). */
export async function countRenders(page: Page): Promise<void> {
  await page.addInitScript(installHook);
}

export async function resetRenders(page: Page): Promise<void> {
  await page.evaluate(() => {
    const p = (window as unknown as { __renderProbe: RenderCount }).__renderProbe;
    p.commits = 0;
    p.renders = 0;
    p.where = {};
  });
}

export async function readRenders(page: Page): Promise<RenderCount> {
  return page.evaluate(() => structuredClone((window as unknown as { __renderProbe: RenderCount }).__renderProbe));
}
