/** The countries whose law the product knows: Denmark (the default) and Norway. */
export type Country = "DK" | "NO";
