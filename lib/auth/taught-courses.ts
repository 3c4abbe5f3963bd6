import { eq, sql, type SQL } from "drizzle-orm";
import { courses } from "@/db/schema";
import type { Actor } from "./policy";

/**
 * The teaching rule as SQL, for the WHERE of every query over courses the
 * actor runs (editing, quizzes, assignments, grading, gradebooks, uploads):
 * an admin any course, a teacher only the courses it teaches, anyone else
 * none. It mirrors the policy module's course rules, which are asked as well,
 * so a miss reads as not found before the policy ever sees a row.
 */
export function taughtCourses(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  if (actor.role === "teacher") return eq(courses.teacherId, actor.id);
  return sql`false`;
}
