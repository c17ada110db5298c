import { describe, expect, it } from "vitest";
import { localeFromEnv } from "./locale-from-env";

describe("localeFromEnv (the command line's language)", () => {
  it("takes --lang first, then LC_ALL, LC_MESSAGES, LANG; Norwegian in any spelling is Bokmål", () => {
    expect(localeFromEnv("en", { LANG: "da_DK.UTF-8" })).toBe("en");
    expect(localeFromEnv(undefined, { LC_ALL: "nb_NO.UTF-8", LANG: "en_GB.UTF-8" })).toBe("nb");
    expect(localeFromEnv(undefined, { LC_MESSAGES: "nn_NO", LANG: "en_GB.UTF-8" })).toBe("nb");
    expect(localeFromEnv(undefined, { LANG: "no_NO.ISO-8859-1" })).toBe("nb");
    expect(localeFromEnv(undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(localeFromEnv(undefined, { LANG: "da_DK.UTF-8@euro" })).toBe("da");
  });

  it("is Danish when nothing names a language we have (unset, C, POSIX, German)", () => {
    expect(localeFromEnv(undefined, {})).toBe("da");
    expect(localeFromEnv(undefined, { LANG: "C.UTF-8" })).toBe("da");
    expect(localeFromEnv(undefined, { LC_ALL: "", LANG: "POSIX" })).toBe("da");
    expect(localeFromEnv("fr", { LANG: "de_DE.UTF-8" })).toBe("da");
  });
});
