export * from "./enums";
export * from "./users";
export * from "./courses";
export * from "./enrollments";
export * from "./tasks";
export * from "./audit";
export * from "./events";
export * from "./relations";
