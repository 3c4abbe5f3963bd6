import { isoOrNull } from "@/lib/api/contract";
import { listTaskProgressContract } from "@/lib/api/contracts/learning";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { canViewStudentInCourse } from "@/lib/enrollments/queries";
import { listTaskProgressAfter } from "@/lib/progress/queries";

export const GET = apiRoute(listTaskProgressContract, async ({ db, user, query, url }) => {
  const { studentId = user.id, courseId, cursor, limit } = query;
  const own = studentId === user.id;
  // Another student's rows: only its course's teacher or an admin, one course at a time.
  if (!own && !(courseId && (await canViewStudentInCourse(db, user, studentId, courseId)))) {
    throw new ApiProblem("not_found", "This student is not enrolled in a course whose progress you may read.");
  }
  const rows = await listTaskProgressAfter(db, { studentId, asStudent: own, courseId, cursor, limit });
  return pageOf(url, rows, limit, ({ cursor: _cursor, startedAt, completedAt, updatedAt, ...row }) => ({
    ...row,
    startedAt: isoOrNull(startedAt),
    completedAt: isoOrNull(completedAt),
    updatedAt: updatedAt.toISOString(),
  }));
});
