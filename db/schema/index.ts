export * from "./auth";
export * from "./cases";
export * from "./access";
export * from "./collab";
export * from "./audit";
export * from "./agreements";
export * from "./staff-auth";
export * from "./followup";
