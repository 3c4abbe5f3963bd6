import { unlinkCourseContract } from "@/lib/api/contracts/cohorts";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { unlinkCohortFromCourse } from "@/lib/cohorts/link-course";
import { cohortNotFoundMessage } from "@/lib/cohorts/manage-cohort";

export const DELETE = apiRoute(unlinkCourseContract, async ({ db, user, params }) => {
  if (!can(user, "cohort.manage")) throw new ApiProblem("not_found", cohortNotFoundMessage);
  return unlinkCohortFromCourse(db, user, params);
});
