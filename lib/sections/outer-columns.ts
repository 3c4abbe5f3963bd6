import { sql } from "drizzle-orm";

// The outer row's id in a correlated subquery, always table-qualified: Drizzle
// writes a column unqualified ("id") when a select reads one table, and inside
// a subquery an unqualified "id" would mean the subquery's own table.
export const outerSectionId = sql.raw(`"course_sections"."id"`);
export const outerCourseId = sql.raw(`"courses"."id"`);
export const outerUserId = sql.raw(`"users"."id"`);
