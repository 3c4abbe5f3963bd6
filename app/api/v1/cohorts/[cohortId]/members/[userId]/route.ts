import { removeMemberContract } from "@/lib/api/contracts/cohorts";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { cohortNotFoundMessage } from "@/lib/cohorts/manage-cohort";
import { removeMember } from "@/lib/cohorts/members";

export const DELETE = apiRoute(removeMemberContract, async ({ db, user, params }) => {
  if (!can(user, "cohort.manage")) throw new ApiProblem("not_found", cohortNotFoundMessage);
  return removeMember(db, user, params);
});
