import { isoOrNull } from "@/lib/api/contract";
import { listCourseTasksContract } from "@/lib/api/contracts/learning";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { listCourseTasksAfter } from "@/lib/learn/course-tasks";
import { lockJson } from "@/lib/pacing/lock-json";
import { loadReaderRelease } from "@/lib/pacing/require-released";

export const GET = apiRoute(listCourseTasksContract, async ({ db, user, params, query, url }) => {
  const rows = await listCourseTasksAfter(db, user, params.courseId, query);
  if (!rows) throw new ApiProblem("not_found", "This course does not exist or you are not enrolled in it.");
  // A task not released to the student yet is listed as locked, without its description.
  const { release, wording } = await loadReaderRelease(db, user, params.courseId, rows.map((row) => ({ kind: "task", id: row.id })));
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, dueAt, ...task }) => {
    const lock = lockJson(release.state("task", task.id), wording);
    return { ...task, description: lock.locked ? "" : task.description, dueAt: isoOrNull(dueAt), ...lock };
  });
});
