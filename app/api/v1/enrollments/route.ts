import { enrollContract, enrollmentItemOf, listMyEnrollmentsContract } from "@/lib/api/contracts/enrollments";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { ApiReply, apiRoute } from "@/lib/api/route";
import { KeptRefusal } from "@/lib/actions/result";
import { can } from "@/lib/auth/policy";
import { enrollStudent } from "@/lib/enrollments/enroll-student";
import { findMyEnrollment, listMyEnrollmentsAfter } from "@/lib/enrollments/queries";

export const GET = apiRoute(listMyEnrollmentsContract, async ({ db, user, query, url }) => {
  const rows = await listMyEnrollmentsAfter(db, user, query);
  return pageOf(url, rows, query.limit, enrollmentItemOf);
});

// The same rules as the enrol form: only students, then enrollStudent decides the rest.
export const POST = apiRoute(enrollContract, async ({ db, user, body }) => {
  if (!can(user, "area.student")) throw new ApiProblem("forbidden", "Only students enrol in courses.");
  const result = await enrollStudent(db, user, body);
  if (result instanceof KeptRefusal) return result;
  const enrollment = await findMyEnrollment(db, user, { courseId: body.courseId });
  if (!enrollment) throw new Error(`enrollStudent left no readable enrolment in ${body.courseId}`);
  return result.alreadyEnrolled ? new ApiReply(200, enrollmentItemOf(enrollment)) : enrollmentItemOf(enrollment);
});
