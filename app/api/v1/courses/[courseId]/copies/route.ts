import { copyCourseContract, transferItemOf } from "@/lib/api/contracts/course-transfers";
import { apiRoute } from "@/lib/api/route";
import { requestCourseCopy } from "@/lib/course-transfer/transfers/transfer-commands";
import { loadTransfer } from "@/lib/course-transfer/transfers/transfer-queries";

// The same command as the copy form: queued, then made by the background job.
export const POST = apiRoute(copyCourseContract, async ({ db, user, params, body }) => {
  const { transferId } = await requestCourseCopy(db, user, { courseId: params.courseId, ...body });
  return transferItemOf((await loadTransfer(db, user, transferId))!);
});
