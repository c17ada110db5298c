import { describe, expect, it } from "vitest";
import { LOCALES } from "../i18n/locales";
import { describeProblem, problem } from "./verification-problem";

describe("describeProblem", () => {
  it("names the role in the reader's language, not as the file's code (issue 18: /verify's technical reasons)", () => {
    const p = problem("signedOther", { n: 3, role: "employee", shown: "ab12" });
    expect(describeProblem(p, "da")).toBe("hændelse 3: Medarbejder underskrev noget andet end denne aftale (fik vist ab12)");
    expect(describeProblem(p, "nb")).toContain("Arbeidstaker signerte");
    expect(describeProblem(p, "en")).toContain("Employee signed");
  });

  it("lists the missing signers with their role and state in words", () => {
    const p = problem("signersMissing", { missing: "employee:pending,manager:declined" });
    expect(describeProblem(p, "da")).toBe(
      "ikke alle, der skulle underskrive, har underskrevet: Medarbejder (har ikke skrevet under), Leder (har afvist)",
    );
    for (const locale of LOCALES) expect(describeProblem(p, locale)).not.toMatch(/employee|pending|manager|\{/);
  });

  it("keeps a role it does not know as written (a crafted file), rather than failing", () => {
    expect(describeProblem(problem("signedOther", { n: 1, role: "boss", shown: "x" }), "da")).toContain("boss underskrev");
    expect(describeProblem(problem("signersMissing", { missing: "boss:pending" }), "en")).toContain("boss (");
  });

  it("says where in the file, and that a format is absent, in words", () => {
    expect(describeProblem(problem("malformed", { path: "(root)" }), "da")).toBe(
      "filen har en uventet opbygning ved filens øverste niveau",
    );
    expect(describeProblem(problem("malformed", { path: "events.2.seq" }), "nb")).toBe("filen har en uventet oppbygning ved events.2.seq");
    expect(describeProblem(problem("wrongFormat", { format: "missing", expected: "stepwise-agreement-bundle/1" }), "da")).toContain(
      "format intet",
    );
  });
});
