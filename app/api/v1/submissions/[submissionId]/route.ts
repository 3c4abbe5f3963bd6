import { getSubmissionContract, gradeJson, submissionFileJson } from "@/lib/api/contracts/submissions";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { loadSubmissionForReader } from "@/lib/assignments/submission-reader";

export const GET = apiRoute(getSubmissionContract, async ({ db, user, params }) => {
  const submission = await loadSubmissionForReader(db, user, params.submissionId);
  if (!submission) throw new ApiProblem("not_found", "This submission does not exist or is not yours to see.");
  return {
    id: submission.id,
    taskId: submission.taskId,
    assignmentTitle: submission.assignmentTitle,
    courseId: submission.courseId,
    maxPoints: submission.maxPoints,
    student: { id: submission.studentId, name: submission.studentName },
    version: submission.version,
    isCurrent: submission.isCurrent,
    text: submission.text,
    submittedAt: submission.submittedAt.toISOString(),
    isLate: submission.isLate,
    daysLate: submission.daysLate,
    files: submission.files.map(submissionFileJson),
    grade: gradeJson(submission.grade),
  };
});
