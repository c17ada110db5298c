import { getFormatter, getLocale } from "next-intl/server";
import { formatDay, formatValue } from "@/lib/followup/format";

/** Dates and numbers in the reader's language, for the follow-up sections (server side). */
export type Fmt = {
  locale: string;
  day: (isoDate: string) => string;
  shortDay: (isoDate: string) => string;
  when: (at: Date) => string;
  value: (n: number) => string;
};

export async function getFmt(): Promise<Fmt> {
  const locale = await getLocale();
  const format = await getFormatter();
  return {
    locale,
    day: (d) => formatDay(d, locale),
    shortDay: (d) => {
      const [y, m, dd] = d.split("-").map(Number) as [number, number, number];
      return format.dateTime(new Date(Date.UTC(y, m - 1, dd)), { day: "numeric", month: "short", timeZone: "UTC" });
    },
    when: (at) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }),
    value: (n) => formatValue(n, locale),
  };
}
