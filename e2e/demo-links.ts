import { readFileSync } from "node:fs";
import path from "node:path";
import { request, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";

export type DemoLinks = {
  meetingUrl: string;
  links: { caseworker: string; employee: string; manager: string; union_rep: string; observer: string };
  /** The demo caseworker's staff account: sign in at /signin, the link lands in the outbox. */
  caseworkerEmail: string;
  /** Kurt's case page (`/cases/<id>`). */
  caseUrl: string;
  /** Verification bundles of Kurt's signed agreements: `<base>/api/agreements/<id>/bundle`. */
  agreementBundles: string[];
  /** The Norwegian case (Sofie, NAV Grünerløkka): its room, case page, links and signed follow-up plan. */
  no: NorwegianDemoLinks;
};

export type NorwegianDemoLinks = {
  meetingUrl: string;
  caseUrl: string;
  links: { caseworker: string; employee: string; manager: string; union_rep: string; observer: string };
  agreementBundles: string[];
  caseworkerEmail: string;
};

/**
 * The links the server wrote when it seeded the demo for this run. Only its caseworker's address
 * is for specs to use: the shared demo meeting itself is nobody's (see ownDemo).
 */
export function demoLinks(): DemoLinks {
  return JSON.parse(readFileSync(path.join(".test-data/e2e", "demo-links.json"), "utf8")) as DemoLinks;
}

const copies = new Map<string, Promise<DemoLinks>>();

/**
 * This spec file's own copy of the demo case (Kurt's meeting, plan, binding agreement and
 * follow-up, the same caseworker), seeded by the server on first use (POST /api/test-demo, a
 * tests-only route). Specs may then write into it freely: no other spec sees it, so the specs
 * pass in any order and in parallel. The tests of one file share it, in file order.
 */
export function ownDemo(): Promise<DemoLinks> {
  const file = test.info().file;
  let copy = copies.get(file);
  if (!copy) {
    copy = (async () => {
      const api = await request.newContext({ baseURL: BASE_URL });
      const res = await api.post("/api/test-demo", { headers: { origin: BASE_URL } });
      if (res.status() !== 201) throw new Error(`could not seed a demo copy: ${res.status()} ${await res.text()}`);
      const links = (await res.json()) as DemoLinks;
      await api.dispose();
      return links;
    })();
    copies.set(file, copy);
  }
  return copy;
}

/**
 * This spec file's own copy of the Norwegian demo case (Sofie's dialogue meeting 2, her binding
 * follow-up plan from dialogue meeting 1, Ingrid the veileder): the same seeding as ownDemo, which
 * makes a fresh Norwegian case beside each Danish copy.
 */
export async function ownNorwegianDemo(): Promise<NorwegianDemoLinks> {
  const links = await ownDemo();
  if (!links.no) throw new Error("the demo copy has no Norwegian case");
  return links.no;
}
