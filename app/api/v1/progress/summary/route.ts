import { progressSummaryContract } from "@/lib/api/contracts/learning";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { loadSubjectSummary, loadSummaryStudent } from "@/lib/progress/queries";

const noSuchStudent = () => new ApiProblem("not_found", "There is no such student.");

export const GET = apiRoute(progressSummaryContract, async ({ db, user, query }) => {
  if (!query.studentId || query.studentId === user.id) {
    if (!can(user, "area.student")) throw new ApiProblem("forbidden", "Only students have a progress summary.");
    return loadSubjectSummary(db, user);
  }
  // Another student's: never for a student; a teacher reads its students' progress per course, not across the site.
  if (can(user, "area.student")) throw noSuchStudent();
  if (!can(user, "report.viewSite")) throw new ApiProblem("forbidden", "Only admins read a student's progress summary.");
  const student = await loadSummaryStudent(db, user, query.studentId);
  if (!student) throw noSuchStudent();
  return loadSubjectSummary(db, student);
});
