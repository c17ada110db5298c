import { expect, test } from "@playwright/test";
import { startTestIdp, type TestIdp } from "../lib/testing/oidc-test-provider";

/**
 * Issue 15: staff sign in by OpenID Connect at their organisation's own IdP, in a real browser.
 * A real OpenID provider (oidc-provider, as lib/auth/oidc-flow.test.ts uses) runs in this spec on
 * a port of its own; an organisation is configured to use it (as `npm run admin -- org:oidc`
 * does; the server holds its client secret in OIDC_SECRET_E2E, playwright.config.ts). A person in
 * the mapped group lands on /cases as a team lead; one whose group is not mapped is refused calmly.
 */
const run = Date.now().toString(36);
const orgName = `Jobcenter OIDC ${run}`;
const lead = {
  sub: `lead-${run}`,
  email: `lead-${run}@oidc.example`,
  email_verified: true,
  name: "Lone Leder",
  groups: ["e2e-teamledere"],
};
const canteen = {
  sub: `canteen-${run}`,
  email: `canteen-${run}@oidc.example`,
  email_verified: true,
  name: "Kantinen",
  groups: ["e2e-alle"],
};
let idp: TestIdp | undefined;

test.beforeAll(async ({ request, baseURL }) => {
  const made = await request.post("/api/test-organisation", {
    data: { name: orgName, country: "DK", adminEmail: `admin-${run}@oidc.example`, adminName: "Anne Admin" },
  });
  expect(made.status()).toBe(201);
  const { orgId } = (await made.json()) as { orgId: string };
  idp = await startTestIdp({
    clients: [
      { clientId: "stepwise-e2e", clientSecret: "e2e-oidc-client-secret", redirectUris: [`${baseURL}/api/auth/callback/oidc-${orgId}`] },
    ],
    accounts: [lead, canteen],
  });
  const configured = await request.post("/api/test-organisation/oidc", {
    data: {
      orgId,
      settings: {
        name: orgName,
        issuer: idp.issuer,
        clientId: "stepwise-e2e",
        clientSecretEnv: "OIDC_SECRET_E2E",
        groupRoles: { "e2e-teamledere": "team_lead", "e2e-sagsbehandlere": "caseworker" },
      },
    },
  });
  expect(configured.status()).toBe(200);
});
test.afterAll(async () => {
  await idp?.close();
});

test("signs in at the organisation's IdP with the mapped role; an unmapped group is refused calmly", async ({ browser }) => {
  const signIn = async (sub: string) => {
    const context = await browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByRole("link", { name: orgName }).click();
    // The provider's own login page, on its own port.
    await expect(page).toHaveURL(new RegExp(`^${idp!.issuer}/interaction/`));
    await page.getByLabel("User").fill(sub);
    await page.getByRole("button", { name: "Sign in" }).click();
    return page;
  };

  const leader = await signIn(lead.sub);
  await expect(leader).toHaveURL(/\/cases$/);
  await expect(leader.getByTestId("cases-page")).toBeVisible();
  // A team lead: the team's cases are one click away.
  await leader.getByTestId("switch-view").click();
  await expect(leader).toHaveURL(/\/cases\?view=team$/);

  const refused = await signIn(canteen.sub);
  await expect(refused).toHaveURL(/\/signin\?.*error=AccessDenied/);
  await expect(refused.getByTestId("signin-error")).toContainText("Denne konto kan ikke logge ind i Stepwise");
  await refused.goto("/cases");
  await expect(refused).toHaveURL(/\/signin/);
});
