import { dropEnrollmentContract, enrollmentItemOf } from "@/lib/api/contracts/enrollments";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { dropEnrollment } from "@/lib/enrollments/drop-enrollment";
import { findMyEnrollment } from "@/lib/enrollments/queries";

// The same rules as the drop button: only students, and only their own enrolment.
export const DELETE = apiRoute(dropEnrollmentContract, async ({ db, user, params }) => {
  if (!can(user, "area.student")) throw new ApiProblem("forbidden", "Only students drop their enrolments.");
  const own = await findMyEnrollment(db, user, { enrollmentId: params.enrollmentId });
  if (!own) throw new ApiProblem("not_found", "You have no such enrolment.");
  await dropEnrollment(db, user, own.courseId);
  const dropped = await findMyEnrollment(db, user, { enrollmentId: own.id });
  return enrollmentItemOf(dropped!);
});
