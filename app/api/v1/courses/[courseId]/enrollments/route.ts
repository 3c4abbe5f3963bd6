import { listCourseEnrollmentsContract } from "@/lib/api/contracts/enrollments";
import { isoOrNull } from "@/lib/api/contract";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { listCourseEnrollmentsAfter } from "@/lib/enrollments/queries";

export const GET = apiRoute(listCourseEnrollmentsContract, async ({ db, user, params, query, url }) => {
  const rows = await listCourseEnrollmentsAfter(db, user, params.courseId, query);
  if (!rows) throw new ApiProblem("not_found", "This course does not exist.");
  return pageOf(url, rows, query.limit, (row) => ({
    id: row.id,
    student: { id: row.studentId, name: row.studentName, username: row.studentUsername, email: row.studentEmail },
    status: row.status,
    enrolledAt: row.enrolledAt.toISOString(),
    completedAt: isoOrNull(row.completedAt),
    progressPercent: row.progressPercent,
    lastActivityAt: row.lastActivityAt.toISOString(),
  }));
});
