"use client";

import { createContext } from "react";

/** Set (to true) inside a meeting flow, so shared room parts can add the flow's bits only there. */
export const FlowContextOptional = createContext(false);
