/** A sign-in link works once and for 15 minutes (Auth.js would allow 24 hours). */
export const SIGN_IN_LINK_MINUTES = 15;
