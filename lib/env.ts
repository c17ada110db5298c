import { z } from "zod";

/**
 * The environment, parsed once. Every setting has a default that works on a fresh machine;
 * see README.md ("Configuration") for what each one does.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** The address people use to reach this server; links and tickets are built from it. */
  PUBLIC_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  /** Seconds a collaboration ticket stays valid for opening a socket. */
  TICKET_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** Days a join link and a participant session stay valid. */
  JOIN_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function parseEnv(raw: NodeJS.ProcessEnv | Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
