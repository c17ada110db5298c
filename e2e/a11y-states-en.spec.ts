import { meetingStatesTest } from "./a11y-states-flow";

/** Issue 18: every state of a meeting, read by axe in one language (see a11y-states-flow.ts). */
meetingStatesTest("en");
