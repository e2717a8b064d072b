export * from "./roles";
export * from "./reference";
export * from "./users";
export * from "./tenancy";
export * from "./grading";
