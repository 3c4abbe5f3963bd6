import { linkCourseContract } from "@/lib/api/contracts/cohorts";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { linkCohortToCourse } from "@/lib/cohorts/link-course";
import { cohortNotFoundMessage } from "@/lib/cohorts/manage-cohort";

export const POST = apiRoute(linkCourseContract, async ({ db, user, params, body }) => {
  if (!can(user, "cohort.manage")) throw new ApiProblem("not_found", cohortNotFoundMessage);
  return linkCohortToCourse(db, user, { cohortId: params.cohortId, courseId: body.courseId, sectionId: body.sectionId });
});
