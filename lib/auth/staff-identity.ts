import { z } from "zod";
import { isStaffAuthMethod, type StaffAuthMethod } from "./auth-method";

/** The signed-in staff member, as the app's edges pass it to lib. */
export type StaffIdentity = {
  userId: string;
  email: string | null;
  name: string | null;
  staffRole: string;
  /** How this session was opened; sessions from before this was recorded count as e-mail links. */
  authMethod: StaffAuthMethod;
};

const ZSession = z.object({
  user: z.object({ id: z.string().min(1), email: z.string().nullish(), name: z.string().nullish() }),
  staffRole: z.string().min(1).nullish(),
  authMethod: z.string().nullish(),
});

/** Read the Auth.js session our session callback produced; null unless it is a staff member's. */
export function staffFromSession(session: unknown): StaffIdentity | null {
  const parsed = ZSession.safeParse(session);
  if (!parsed.success || !parsed.data.staffRole) return null;
  const { user, staffRole, authMethod } = parsed.data;
  return {
    userId: user.id,
    email: user.email ?? null,
    name: user.name ?? null,
    staffRole,
    authMethod: isStaffAuthMethod(authMethod) ? authMethod : "email-link",
  };
}
