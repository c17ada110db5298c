import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ownDemo } from "./demo-links";
import { joinAs } from "./room-helpers";

const NAMES = { caseworker: "Mette Sørensen", employee: "Kurt Hansen", manager: "Lars Nielsen", union_rep: "Susanne Berg" };

/** `npm run verify -- <file> [...]`, as a person would run it: offline, exit code and output. */
function verify(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync("npm", ["run", "--silent", "verify", "--", ...args, "--lang", "en"], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function openAgreement(page: Page): Promise<void> {
  await page.getByTestId("open-agreement").click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}\/agreement$/);
}

test.describe("the signed agreement", () => {
  test("the chair prepares it, three sign in turn at the shared screen, the union rep remotely; it binds, and its PDF and bundle check out", async ({
    browser,
  }) => {
    const { links } = await ownDemo();

    // The caseworker's browser is the shared screen in the meeting room.
    const screen = await joinAs(browser, links.caseworker);
    await openAgreement(screen);

    // Kurt's previous meeting left a binding version 1; this meeting prepares version 2.
    const prepare = screen.getByTestId("prepare-section");
    await expect(prepare).toBeVisible();
    await expect(screen.getByTestId("agreement-state")).toHaveAttribute("data-state", "binding");
    await prepare.getByTestId("amend-reason").fill("Opfølgningsmøde: planen er gennemgået, og timerne trappes op.");
    await expect(prepare.getByTestId("union-rep-signs")).toBeChecked();
    await prepare.getByTestId("amend-submit").click();

    await expect(screen.getByTestId("agreement-state")).toHaveAttribute("data-state", "awaiting_signatures");
    await expect(screen.getByRole("heading", { level: 2, name: /Aftale om tilbagevenden til arbejde/ })).toBeVisible();
    const fingerprint = await screen.getByTestId("fingerprint").getAttribute("data-fingerprint");
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const axe = await new AxeBuilder({ page: screen }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    // The union representative signs as supporter from their own phone, remotely.
    const remote = await joinAs(browser, links.union_rep, { viewport: { width: 390, height: 844 } });
    await openAgreement(remote);
    await expect(remote.getByTestId("fingerprint")).toHaveAttribute("data-fingerprint", fingerprint!);
    const own = remote.getByTestId("decision-form-union_rep");
    await own.getByTestId("typed-name").fill(NAMES.union_rep);
    await own.getByTestId("read-and-agree").check();
    await own.getByTestId("sign-submit").click();
    await expect(remote.getByTestId("sign-announcement")).toContainText(NAMES.union_rep);

    // At the shared screen: the caseworker signs, then Kurt and Lars in turn, each typing their own name.
    const mine = screen.getByTestId("decision-form-caseworker");
    await mine.getByTestId("typed-name").fill(NAMES.caseworker);
    await mine.getByTestId("read-and-agree").check();
    await mine.getByTestId("sign-submit").click();
    await expect(screen.getByTestId("signer-caseworker")).toHaveAttribute("data-state", "signed");

    for (const role of ["employee", "manager"] as const) {
      await screen.getByTestId(`turn-${role}`).click();
      const form = screen.getByTestId(`decision-form-${role}`);
      // A wrong name is refused and nothing typed is lost.
      await form.getByTestId("typed-name").fill("Someone Else");
      await form.getByTestId("identity-checked").check();
      await form.getByTestId("read-and-agree").check();
      await form.getByTestId("sign-submit").click();
      await expect(form.getByTestId("decision-error")).not.toBeEmpty();
      await expect(form.getByTestId("identity-checked")).toBeChecked();
      await form.getByTestId("typed-name").fill(NAMES[role]);
      await form.getByTestId("sign-submit").click();
      await expect(screen.getByTestId(`signer-${role}`)).toHaveAttribute("data-state", "signed");
    }

    // Binding, on the shared screen and (live) on the union rep's phone.
    await expect(screen.getByTestId("agreement-state")).toHaveAttribute("data-state", "binding");
    await expect(remote.getByTestId("agreement-state")).toHaveAttribute("data-state", "binding");

    // The PDF: participants only, printable, no-store.
    const agreementId = new URL(await screen.getByTestId("download-pdf").evaluate((a) => (a as HTMLAnchorElement).href)).pathname.split(
      "/",
    )[3]!;
    const pdf = await remote.request.get(`/api/agreements/${agreementId}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["cache-control"]).toBe("no-store");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const stranger = await browser.newContext();
    expect((await stranger.request.get(`/api/agreements/${agreementId}/pdf`)).status()).toBe(401);
    expect((await stranger.request.get(`/api/agreements/${agreementId}/bundle`)).status()).toBe(401);

    // The bundle, downloaded from the page, verifies offline with `npm run verify`.
    const dir = mkdtempSync(path.join(tmpdir(), "stepwise-bundle-"));
    const [download] = await Promise.all([screen.waitForEvent("download"), screen.getByTestId("download-bundle").click()]);
    const bundleFile = path.join(dir, download.suggestedFilename());
    await download.saveAs(bundleFile);
    const keysFile = path.join(dir, "stepwise-keys.json");
    const keys = await stranger.request.get("/.well-known/stepwise-keys.json");
    expect(keys.status()).toBe(200);
    writeFileSync(keysFile, await keys.body());

    const ok = verify(bundleFile, "--keys", keysFile);
    expect(ok.out).toContain("VALID");
    expect(ok.out).toContain(fingerprint!);
    expect(ok.out).toContain("one of the trusted keys given with --keys");
    expect(ok.code).toBe(0);

    // One changed character in the signed text is caught.
    const bundle = JSON.parse(readFileSync(bundleFile, "utf8")) as { agreement: { canonical: string } };
    const bytes = Buffer.from(bundle.agreement.canonical, "base64");
    bytes[bytes.indexOf("Kurt")] = "k".charCodeAt(0);
    bundle.agreement.canonical = bytes.toString("base64");
    const tamperedFile = path.join(dir, "tampered.json");
    writeFileSync(tamperedFile, JSON.stringify(bundle));
    const bad = verify(tamperedFile);
    expect(bad.out).toMatch(/^INVALID: /m);
    expect(bad.code).toBe(1);

    // And the /verify page says the same to anyone, without signing in.
    const visitor = await stranger.newPage();
    await visitor.goto("/verify");
    await visitor.getByTestId("verify-file").setInputFiles(bundleFile);
    await visitor.getByTestId("verify-submit").click();
    await expect(visitor.getByTestId("verify-result")).toHaveAttribute("data-valid", "true");
    await expect(visitor.getByTestId("verify-origin")).toContainText(
      (JSON.parse(await keys.text()) as { keys: { kid: string; current: boolean }[] }).keys.find((k) => k.current)!.kid,
    );
    await visitor.getByTestId("verify-file").setInputFiles(tamperedFile);
    await visitor.getByTestId("verify-submit").click();
    await expect(visitor.getByTestId("verify-result")).toHaveAttribute("data-valid", "false");

    await stranger.close();
    await remote.context().close();
    await screen.context().close();
  });
});
