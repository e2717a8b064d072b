export * from "./roles";
export * from "./reference";
export * from "./users";
export * from "./tenancy";
export * from "./evidence";
export * from "./collab";
export * from "./grading";
export * from "./plans";
