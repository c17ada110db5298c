import type { PreparedData } from "@/lib/system/prepare-data";
import { mailIsConfigured } from "@/lib/mail/mail-settings";
import { outboxDir } from "@/lib/mail/deliver-mail";

/** What a newcomer needs to see after `npm start`: where it runs, and the demo links. */
export function printBanner(input: { url: string; configured: boolean; data: PreparedData; dev: boolean }): void {
  const { url, data } = input;
  const lines = [
    "",
    `  Stepwise is running at ${url}${input.dev ? "  (development mode)" : ""}`,
    `  Database: ${data.kind === "pglite" ? `embedded PostgreSQL (PGlite) in ${data.where}` : `PostgreSQL at ${data.where}`}`,
  ];
  if (!input.configured) {
    lines.push(`  Links (sign-in, invitations, QR codes) point at ${url}; set PUBLIC_URL to the address people use.`);
  }
  for (const w of data.warnings) lines.push(`  WARNING: ${w}`);
  if (data.demo) {
    lines.push("", `  Demo meeting${data.seeded ? " (just created)" : ""}: Kurt's return-to-work meeting`);
    lines.push(`  Open a personal join link to enter the room as that person:`);
    const labels: Record<string, string> = {
      caseworker: "caseworker (Mette)",
      employee: "employee (Kurt)",
      manager: "manager (Lars)",
      union_rep: "union rep (Susanne)",
      observer: "observer (read-only)",
    };
    for (const [role, link] of Object.entries(data.demo.links)) {
      lines.push(`    ${(labels[role] ?? role).padEnd(22)} ${link}`);
    }
    lines.push(`  (also written to demo-links.json in the data folder)`);
    lines.push(
      `  Sign in as caseworker: ${url}/signin with ${data.demo.caseworkerEmail} (${mailIsConfigured() ? "the link is e-mailed" : `the link is written to ${outboxDir()}/`})`,
    );
  }
  lines.push("");
  console.log(lines.join("\n"));
}
