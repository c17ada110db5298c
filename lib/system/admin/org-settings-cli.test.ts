import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrganisationSetting } from "@/db/queries/organisations";
import { staffOidcSettingsOfOrganisation } from "../../auth/staff-oidc-settings";
import { startCliBench, type CliBench, type CliRun } from "./cli-testing";

/**
 * `npm run admin -- org:oidc` and `org:eid` through the real CLI: the organisation's staff IdP and
 * participants' eID broker stored in its settings (a variable's name, never a secret), and every
 * wrong use refused with exit code 2, naming the option, with nothing stored.
 */
let cli: CliBench;
let orgId: string;
const UNKNOWN_ORG = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  cli = await startCliBench("stepwise-orgsettings");
  const made = await cli.admin("org:create", "--name", "Jobcenter Settings", "--country", "DK");
  expect(made.code, made.stderr).toBe(0);
  orgId = (JSON.parse(made.stdout) as { orgId: string }).orgId;
}, 120_000);
afterAll(async () => {
  await cli.drop();
});

const oidc = (...more: string[]) => [
  "org:oidc",
  "--org",
  orgId,
  "--issuer",
  "https://login.jobcenter.example/realms/staff",
  "--client-id",
  "stepwise",
  "--client-secret-env",
  "OIDC_SECRET_SETTINGS",
  ...more,
];

describe("npm run admin -- org:oidc / org:eid", { timeout: 480_000 }, () => {
  it("refuses wrong use with exit code 2, naming the option, and stores nothing", async () => {
    const cases: [string[], RegExp][] = [
      [oidc("--map", "jc-leads=boss"), /--map must be <group>=<role>/],
      [oidc("--map", "jc-leads"), /--map must be <group>=<role>/],
      [oidc("--client-secret", "hunter2"), /--client-secret is not stored.*--client-secret-env/],
      [oidc().filter((a, i, all) => a !== "--client-id" && all[i - 1] !== "--client-id"), /missing --client-id/],
      [oidc().map((a) => (a.startsWith("https://") ? "http://login.jobcenter.example" : a)), /--issuer must be an https address/],
      [oidc().map((a) => (a === "OIDC_SECRET_SETTINGS" ? "my secret" : a)), /--client-secret-env must name an environment variable/],
      [oidc().map((a) => (a === orgId ? UNKNOWN_ORG : a)), /--org names no organisation/],
      [
        [
          "org:eid",
          "--org",
          orgId,
          "--issuer",
          "https://broker.example",
          "--client-id",
          "c",
          "--client-secret-env",
          "E",
          "--min-level",
          "low",
        ],
        /--min-level must be one of substantial, high/,
      ],
    ];
    // The first four are refused before the database is opened, so they run at once; the others
    // open it, one after the other (PGlite has one process).
    const runs: CliRun[] = await Promise.all(cases.slice(0, 4).map(([args]) => cli.admin(...args)));
    for (const [args] of cases.slice(4)) runs.push(await cli.admin(...args));
    cases.forEach(([args, why], i) => {
      expect(runs[i]!.code, args.join(" ")).toBe(2);
      expect(runs[i]!.stdout, args.join(" ")).toBe("");
      expect(runs[i]!.stderr, args.join(" ")).toMatch(why);
      expect(runs[i]!.stderr).not.toContain("hunter2");
    });
    await cli.withDb(async ({ db }) => {
      expect(await findOrganisationSetting(db, orgId, "staffOidc")).toBeNull();
      expect(await findOrganisationSetting(db, orgId, "eid")).toBeNull();
    });
  });

  it("org:oidc stores the IdP with its group map and answers what it stored and the redirect URI", async () => {
    const done = await cli.admin(...oidc("--groups-claim", "roles", "--map", "CN=Leads,OU=JC=team_lead", "--map", "jc-staff=caseworker"));
    expect(done.code, done.stderr).toBe(0);
    const staffOidc = {
      issuer: "https://login.jobcenter.example/realms/staff",
      clientId: "stepwise",
      clientSecretEnv: "OIDC_SECRET_SETTINGS",
      groupsClaim: "roles",
      groupRoles: { "CN=Leads,OU=JC": "team_lead", "jc-staff": "caseworker" },
    };
    expect(JSON.parse(done.stdout)).toEqual({
      orgId,
      staffOidc,
      redirectUri: expect.stringMatching(new RegExp(`/api/auth/callback/oidc-${orgId}$`)),
    });
    const stored = await cli.withDb(({ db }) => findOrganisationSetting(db, orgId, "staffOidc"));
    expect(stored).toEqual(staffOidc);
    // What sign-in reads from it, once the server has the secret in its environment.
    process.env.OIDC_SECRET_SETTINGS = "from-the-environment";
    try {
      expect(staffOidcSettingsOfOrganisation(orgId, stored)).toMatchObject({ clientSecret: "from-the-environment", groupsClaim: "roles" });
    } finally {
      delete process.env.OIDC_SECRET_SETTINGS;
    }
  });

  it("org:eid stores the broker, named after the country's eID unless told otherwise", async () => {
    const done = await cli.admin(
      "org:eid",
      "--org",
      orgId,
      "--issuer",
      "http://127.0.0.1:4999/broker",
      "--client-id",
      "stepwise-eid",
      "--client-secret-env",
      "EID_SECRET_SETTINGS",
      "--acr-values",
      "https://data.gov.dk/concept/core/nsis/loa/Substantial",
    );
    expect(done.code, done.stderr).toBe(0);
    const eid = {
      name: "MitID",
      issuer: "http://127.0.0.1:4999/broker",
      clientId: "stepwise-eid",
      clientSecretEnv: "EID_SECRET_SETTINGS",
      acrValues: "https://data.gov.dk/concept/core/nsis/loa/Substantial",
    };
    expect(JSON.parse(done.stdout)).toEqual({ orgId, eid, redirectUri: expect.stringMatching(/\/api\/eid\/callback$/) });
    expect(await cli.withDb(({ db }) => findOrganisationSetting(db, orgId, "eid"))).toEqual(eid);
  });
});
