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
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * The role that owns the tables and runs the migrations (docs/database-roles.md). With it,
   * DATABASE_URL is the application's role, which may not change or unguard the evidence.
   */
  DATABASE_OWNER_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** "1" starts in production even when DATABASE_URL's role could switch off the evidence guards (it warns instead). */
  ALLOW_PRIVILEGED_DATABASE_ROLE: z.enum(["0", "1"]).default("0"),
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** The address people use to reach this server; links and tickets are built from it. */
  PUBLIC_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  /** "1" when a reverse proxy in front sets X-Forwarded-For/-Proto; otherwise the socket address is used. */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Origins (space-separated) allowed to frame the shared-screen view /meetings/<id>/present; none by default. */
  FRAME_ANCESTORS: z.string().optional(),
  /** The organisation that holds the meetings and issues agreements (job centre, NAV office): on the PDF and in invitation e-mails; unset = the public address's host name. */
  ORGANISATION_NAME: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The organisation's country, DK (a Danish job centre) or NO (a NAV office): which of the law's tools a plan offers. */
  ORGANISATION_COUNTRY: z
    .enum(["DK", "NO"])
    .or(z.literal("").transform(() => "DK" as const))
    .default("DK"),
  /** Ed25519 key that seals agreements (PKCS#8 PEM or base64 DER); unset = generated under DATA_DIR/signing-keys. */
  SIGNING_KEY: z.string().optional(),
  /** Seconds a collaboration ticket stays valid for opening a socket. */
  TICKET_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** Cases per page of the case list (lib/case-list/list-my-cases.ts). */
  CASE_LIST_PAGE_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Days a join link stays valid after the end of its case's latest scheduled meeting (lib/access/join-link-expiry.ts). */
  JOIN_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Days a closed case is kept before the retention job erases it, until organisations set their own (docs/decisions.md, "Retention"). */
  CLOSED_CASE_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365 * 30)
    .default(365 * 5),
  /** Days an access-log row is kept (at least 180: the database refuses less). Its case's erasure removes it sooner. */
  ACCESS_LOG_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180)
    .max(365 * 30)
    .default(365 * 2),
  /** Days an expired or withdrawn link, session or calendar link is kept before housekeeping removes it. */
  EXPIRED_ACCESS_KEPT_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // ---- Collaboration server (server/collab): limits and scale-out; see docs/collab-server.md ----
  /** Largest WebSocket frame accepted; the sender of a larger one is closed with 1009. */
  COLLAB_MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Largest a shared document may grow (encoded); an update past it is refused with 1009. */
  COLLAB_MAX_DOC_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  /** Per-connection token bucket for document updates: steady rate and burst. */
  COLLAB_UPDATES_PER_SECOND: z.coerce.number().positive().default(100),
  COLLAB_UPDATE_BURST: z.coerce.number().int().min(1).default(200),
  /** Per-connection token bucket for awareness (presence) messages. */
  COLLAB_AWARENESS_PER_SECOND: z.coerce.number().positive().default(20),
  COLLAB_AWARENESS_BURST: z.coerce.number().int().min(1).default(40),
  /** A connection over its rate limit for this long without a break is closed with 1008. */
  COLLAB_THROTTLE_CLOSE_MS: z.coerce.number().int().min(1).default(10_000),
  /** Awareness entries (cursors) a room holds, and one connection may control. */
  COLLAB_MAX_AWARENESS_PER_ROOM: z.coerce.number().int().min(1).default(64),
  COLLAB_MAX_AWARENESS_PER_CONNECTION: z.coerce.number().int().min(1).default(4),
  /** A reader with more than this many bytes unsent is dropped (it resyncs on reconnect). */
  COLLAB_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  /** Time budget for decoding one untrusted update in a worker thread; past it the sender gets 1007. */
  COLLAB_DECODE_BUDGET_MS: z.coerce.number().int().min(1).default(1000),
  /** Updates up to this size are decoded on the event loop (linear, microseconds); larger ones in a worker. */
  COLLAB_DECODE_INLINE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(32 * 1024),
  /** Worker threads that decode large updates. */
  COLLAB_DECODE_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  /** Redis for running several instances: a room's updates and presence fan out over it. */
  REDIS_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Prefix of the Redis pub/sub channels (one per room); instances sharing a Redis share it. */
  COLLAB_REDIS_PREFIX: z.string().min(1).default("stepwise:collab"),
  /** How often every open socket's session and participant are re-checked (the backstop behind the revocation bus). */
  COLLAB_SESSION_RECHECK_MS: z.coerce.number().int().min(10).default(30_000),
  /** Socket opens per participant (per instance): steady rate per minute and burst; beyond it an open is refused with 1013. */
  COLLAB_OPENS_PER_MINUTE: z.coerce.number().positive().default(30),
  COLLAB_OPEN_BURST: z.coerce.number().int().min(1).default(20),
  /** Commit queue bounds (updates / bytes waiting for PostgreSQL), per server and per room: past them writers are paused. */
  COLLAB_COMMIT_QUEUE_MAX_UPDATES: z.coerce.number().int().min(1).default(20_000),
  COLLAB_COMMIT_QUEUE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  COLLAB_COMMIT_QUEUE_ROOM_MAX_UPDATES: z.coerce.number().int().min(1).default(1_000),
  COLLAB_COMMIT_QUEUE_ROOM_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  /** New sockets are refused (4503, retry later) while the oldest update has waited this long for its commit. */
  COLLAB_JOIN_REFUSE_QUEUE_MS: z.coerce.number().int().min(1).default(150),
  /** A writer held back this long by a full commit queue is closed with 4503 (its edits stay in its browser). */
  COLLAB_BUSY_CLOSE_MS: z.coerce.number().int().min(1).default(20_000),
  // ---- Staff sign-in (lib/auth, Auth.js): e-mail magic links, OpenID Connect, provisioning ----
  /** SMTP for sign-in and invitation e-mails (smtp(s)://user:pass@host:port); without it they go to DATA_DIR/outbox. */
  SMTP_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_HOST: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  /** The sender of sign-in and invitation e-mails, e.g. "Stepwise <no-reply@kommune.dk>". */
  MAIL_FROM: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** A generic OpenID Connect provider (how MitID / ID-porten brokers are reached); all three or none. */
  OIDC_ISSUER: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  OIDC_CLIENT_ID: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  OIDC_CLIENT_SECRET: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The name on the sign-in button, e.g. "MitID Erhverv". */
  OIDC_NAME: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The claim of the ID token that lists the person's groups at the IdP (default "groups"). */
  OIDC_GROUPS_CLAIM: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * The IdP's groups mapped to staff roles, "group=role,group=role" (e.g.
   * "jc-sagsbehandlere=caseworker"). Set: the groups decide who may sign in and with which role
   * (the first sign-in creates the account). Unset: only staff provisioned beforehand sign in.
   */
  OIDC_GROUP_ROLES: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * Participants' national eID (MitID through a broker in DK, ID-porten in NO) through an OpenID
   * Connect broker: issuer, our client id and secret there; all three or none.
   */
  EID_ISSUER: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  EID_CLIENT_ID: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  EID_CLIENT_SECRET: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The eID's name on the button, e.g. "MitID" or "ID-porten". */
  EID_NAME: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The `acr_values` asked of the broker (space-separated), e.g. "idporten-loa-substantial". */
  EID_ACR_VALUES: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The lowest assurance level a signature by eID accepts. */
  EID_MIN_LEVEL: z.enum(["substantial", "high"]).default("substantial"),
  /** Comma-separated e-mail addresses provisioned as caseworkers at start (only provisioned staff may sign in). */
  CASEWORKER_EMAILS: z.string().optional(),
  /** Sign-in link requests allowed per e-mail address and per IP address, per hour. */
  SIGNIN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(50),
  /** Requests to /api/v1/ per API token or staff session, per minute; beyond, 429 with Retry-After. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Hours a staff session lasts without use (it is extended while in use). */
  STAFF_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(8),
  // ---- Operations: logs and metrics (server/ops-routes.ts, lib/log) ----
  /** pino level of the JSON logs on stdout: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /** When set, GET /metrics asks for `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** When set, /metrics is served on its own listener (METRICS_HOST:METRICS_PORT) and not on PORT. */
  METRICS_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  METRICS_HOST: z.string().default("127.0.0.1"),
  /** Tests only: "1" lets the E2E suite move the server's clock (lib/time/server-clock.ts); refused at start unless on loopback. */
  STEPWISE_TEST_CLOCK: z.enum(["0", "1"]).optional(),
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
