import { listSectionOverridesContract, sectionOverrideJson } from "@/lib/api/contracts/section-overrides";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { listSectionOverridesAfter } from "@/lib/pacing/section-override-queries";
import { overrideTaskNotFoundMessage } from "@/lib/pacing/task-override-commands";

export const GET = apiRoute(listSectionOverridesContract, async ({ db, user, params, query, url }) => {
  const rows = await listSectionOverridesAfter(db, user, params.taskId, query);
  if (!rows) throw new ApiProblem("not_found", overrideTaskNotFoundMessage);
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, ...row }) => sectionOverrideJson(row));
});
