import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, courses, learningTasks, submissions } from "@/db/schema";
import type { LatePenaltyType, TaskStatus } from "@/db/schema/enums";
import { can, type Actor } from "@/lib/auth/policy";

export interface StructureAssignment {
  id: string;
  moduleId: string | null;
  type: "assignment" | "project";
  title: string;
  status: TaskStatus;
  dueAt: Date | null;
  maxPoints: number;
  instructions: string;
  textEntry: boolean;
  allowedFileTypes: string[];
  maxFiles: number;
  maxFileSizeMb: number;
  acceptLate: boolean;
  latePenaltyType: LatePenaltyType;
  latePenaltyPercent: number;
  /** Students who have handed something in. */
  handedIn: number;
}

/** A course's assignments and projects for its structure editor, with hand-in counts; empty unless the actor manages them. One statement. */
export async function loadCourseAssignments(db: DbOrTx, actor: Actor, courseId: string): Promise<StructureAssignment[]> {
  const rows = await db
    .select({
      id: learningTasks.id,
      moduleId: learningTasks.moduleId,
      type: learningTasks.type,
      title: learningTasks.title,
      status: learningTasks.status,
      dueAt: learningTasks.dueAt,
      maxPoints: learningTasks.maxPoints,
      instructions: assignments.instructions,
      textEntry: assignments.textEntry,
      allowedFileTypes: assignments.allowedFileTypes,
      maxFiles: assignments.maxFiles,
      maxFileSizeMb: assignments.maxFileSizeMb,
      acceptLate: assignments.acceptLate,
      latePenaltyType: assignments.latePenaltyType,
      latePenaltyPercent: assignments.latePenaltyPercent,
      handedIn: sql<number>`(SELECT count(DISTINCT ${submissions.userId})::int FROM ${submissions} WHERE ${submissions.taskId} = ${learningTasks.id})`,
      teacherId: courses.teacherId,
      courseStatus: courses.status,
      visibility: courses.visibility,
    })
    .from(learningTasks)
    .innerJoin(assignments, eq(assignments.taskId, learningTasks.id))
    .innerJoin(courses, eq(courses.id, learningTasks.courseId))
    .where(and(eq(learningTasks.courseId, courseId), inArray(learningTasks.type, ["assignment", "project"])))
    .orderBy(asc(learningTasks.position), asc(learningTasks.createdAt));
  const [first] = rows;
  if (!first || !can(actor, "assignment.manage", { teacherId: first.teacherId, status: first.courseStatus, visibility: first.visibility })) return [];
  return rows.map(({ teacherId: _teacherId, courseStatus: _courseStatus, visibility: _visibility, ...row }) => ({
    ...row,
    type: row.type as "assignment" | "project",
    maxPoints: row.maxPoints ?? 0,
  }));
}
