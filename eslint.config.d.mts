// Types for what app/route-private-folders.test.ts reads from eslint.config.mjs.
export declare const routePrivateZones: { target: string[]; from: string; message: string }[];
declare const config: unknown[];
export default config;
