/** The countries whose law the product knows: Denmark (the default) and Norway. */
export const COUNTRIES = ["DK", "NO"] as const;
export type Country = (typeof COUNTRIES)[number];
