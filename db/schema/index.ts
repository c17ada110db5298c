export * from "./cases";
export * from "./access";
export * from "./collab";
