import { readFileSync } from "node:fs";
import path from "node:path";

export type DemoLinks = {
  meetingUrl: string;
  links: { caseworker: string; employee: string; manager: string; union_rep: string; observer: string };
  /** The demo caseworker's staff account: sign in at /signin, the link lands in the outbox. */
  caseworkerEmail: string;
  /** Kurt's case page (`/cases/<id>`). */
  caseUrl: string;
  /** Verification bundles of Kurt's signed agreements: `<base>/api/agreements/<id>/bundle`. */
  agreementBundles: string[];
};

/** The links the server wrote when it seeded the demo for this run. */
export function demoLinks(): DemoLinks {
  return JSON.parse(readFileSync(path.join(".test-data/e2e", "demo-links.json"), "utf8")) as DemoLinks;
}
