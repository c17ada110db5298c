import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { authSessions } from "./auth";

/**
 * How a staff session was opened ("email-link" or "oidc"). Auth.js keeps no such column, and the
 * agreement signing records each signer's authentication method, so we keep it beside the
 * session row; it goes when the session goes (sign-out deletes the row, the cascade follows).
 */
export const staffSessionAuth = pgTable("staff_session_auth", {
  sessionToken: text("session_token")
    .primaryKey()
    .references(() => authSessions.sessionToken, { onDelete: "cascade" }),
  method: text("method").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
