import { cohortJson, createCohortContract, listCohortsContract } from "@/lib/api/contracts/cohorts";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { createCohort } from "@/lib/cohorts/manage-cohort";
import { listCohortsAfter, loadCohort } from "@/lib/cohorts/queries";

const adminsOnly = "Only administrators manage cohorts.";

export const GET = apiRoute(listCohortsContract, async ({ db, user, query, url }) => {
  const rows = await listCohortsAfter(db, user, query);
  if (!rows) throw new ApiProblem("forbidden", adminsOnly);
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, ...row }) => cohortJson(row));
});

export const POST = apiRoute(createCohortContract, async ({ db, user, body }) => {
  if (!can(user, "cohort.manage")) throw new ApiProblem("forbidden", adminsOnly);
  const created = await createCohort(db, user, body);
  return cohortJson((await loadCohort(db, user, created.id))!);
});
