import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // One copy of yjs in the process (the collaboration server loads it too), and the database
  // drivers stay plain Node modules so Next and the server share one handle via globalThis.
  // The PDF libraries too: fontkit is large and carries its own data tables, and the agreement
  // PDF reads its font file from node_modules at run time (lib/agreements/pdf-fonts.ts).
  // rate-limiter-flexible finds drizzle-orm by a dynamic import that the bundler cannot follow
  // ("Cannot find module as expression is too dynamic": every /api/v1/ call was a 500 in a build).
  serverExternalPackages: ["yjs", "@electric-sql/pglite", "postgres", "ws", "@cantoo/pdf-lib", "@cantoo/fontkit", "rate-limiter-flexible"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
