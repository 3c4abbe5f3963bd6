import { addMembersContract, listMembersContract, memberJson } from "@/lib/api/contracts/cohorts";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { cohortNotFoundMessage } from "@/lib/cohorts/manage-cohort";
import { addMembers } from "@/lib/cohorts/members";
import { listCohortMembersAfter, loadCohort } from "@/lib/cohorts/queries";

export const GET = apiRoute(listMembersContract, async ({ db, user, params, query, url }) => {
  if (!(await loadCohort(db, user, params.cohortId))) throw new ApiProblem("not_found", cohortNotFoundMessage);
  const rows = (await listCohortMembersAfter(db, user, params.cohortId, query))!;
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, ...row }) => memberJson(row));
});

export const POST = apiRoute(addMembersContract, async ({ db, user, params, body }) => {
  if (!can(user, "cohort.manage")) throw new ApiProblem("not_found", cohortNotFoundMessage);
  return addMembers(db, user, { cohortId: params.cohortId, userIds: body.userIds });
});
