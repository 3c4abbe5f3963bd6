import { isoOrNull } from "@/lib/api/contract";
import { listCourseTasksContract } from "@/lib/api/contracts/learning";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { listCourseTasksAfter } from "@/lib/learn/course-tasks";

export const GET = apiRoute(listCourseTasksContract, async ({ db, user, params, query, url }) => {
  const rows = await listCourseTasksAfter(db, user, params.courseId, query);
  if (!rows) throw new ApiProblem("not_found", "This course does not exist or you are not enrolled in it.");
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, dueAt, ...task }) => ({ ...task, dueAt: isoOrNull(dueAt) }));
});
