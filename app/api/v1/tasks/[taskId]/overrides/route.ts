import { listOverridesContract, overrideJson } from "@/lib/api/contracts/task-overrides";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { listTaskOverridesAfter } from "@/lib/pacing/override-queries";
import { overrideTaskNotFoundMessage } from "@/lib/pacing/task-override-commands";

export const GET = apiRoute(listOverridesContract, async ({ db, user, params, query, url }) => {
  const rows = await listTaskOverridesAfter(db, user, params.taskId, query);
  if (!rows) throw new ApiProblem("not_found", overrideTaskNotFoundMessage);
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, ...row }) => overrideJson(row));
});
