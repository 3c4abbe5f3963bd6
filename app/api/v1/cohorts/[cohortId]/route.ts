import { cohortJson, deleteCohortContract, getCohortContract, updateCohortContract } from "@/lib/api/contracts/cohorts";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { cohortNotFoundMessage, deleteCohort, findCohortForUpdate, updateCohort } from "@/lib/cohorts/manage-cohort";
import { loadCohort } from "@/lib/cohorts/queries";

// A cohort is not found for anyone but an admin.
export const GET = apiRoute(getCohortContract, async ({ db, user, params }) => {
  const cohort = await loadCohort(db, user, params.cohortId);
  if (!cohort) throw new ApiProblem("not_found", cohortNotFoundMessage);
  return cohortJson(cohort);
});

export const PATCH = apiRoute(updateCohortContract, async ({ db, user, params, body }) => {
  if (!can(user, "cohort.manage")) throw new ApiProblem("not_found", cohortNotFoundMessage);
  const current = await findCohortForUpdate(db, params.cohortId);
  await updateCohort(db, user, { cohortId: current.id, name: body.name ?? current.name, description: body.description ?? current.description });
  return cohortJson((await loadCohort(db, user, current.id))!);
});

export const DELETE = apiRoute(deleteCohortContract, async ({ db, user, params }) => {
  if (!can(user, "cohort.manage")) throw new ApiProblem("not_found", cohortNotFoundMessage);
  return deleteCohort(db, user, { cohortId: params.cohortId });
});
