import { createSubmissionContract, gradeJson, listSubmissionsContract, submissionFileJson } from "@/lib/api/contracts/submissions";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { listSubmissionsAfter } from "@/lib/assignments/submissions-page";
import { submitWork } from "@/lib/assignments/submit-work";
import { can } from "@/lib/auth/policy";

export const GET = apiRoute(listSubmissionsContract, async ({ db, user, params, query, url }) => {
  const rows = await listSubmissionsAfter(db, user, params.taskId, query);
  if (!rows) throw new ApiProblem("not_found", "This assignment does not exist or you may not see its submissions.");
  return pageOf(url, rows, query.limit, (row) => ({
    id: row.id,
    taskId: row.taskId,
    student: { id: row.studentId, name: row.studentName },
    version: row.version,
    isCurrent: row.isCurrent,
    submittedAt: row.submittedAt.toISOString(),
    isLate: row.isLate,
    daysLate: row.daysLate,
    textLength: row.textLength,
    files: row.files.map(submissionFileJson),
    grade: gradeJson(row.grade),
  }));
});

// The same domain function and schema as the assignment page's hand-in form.
export const POST = apiRoute(createSubmissionContract, async ({ db, user, params, body }) => {
  if (!can(user, "area.student")) throw new ApiProblem("forbidden", "Only students hand in work.");
  const receipt = await submitWork(db, user, { taskId: params.taskId, text: body.text, fileIds: body.fileIds });
  return {
    id: receipt.submissionId,
    taskId: receipt.taskId,
    version: receipt.version,
    submittedAt: receipt.submittedAt.toISOString(),
    isLate: receipt.isLate,
    daysLate: receipt.daysLate,
    textLength: receipt.textLength,
    files: receipt.files,
  };
});
