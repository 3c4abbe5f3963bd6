import { cancelImportContract, getTransferContract, transferItemOf } from "@/lib/api/contracts/course-transfers";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { cancelImport } from "@/lib/course-transfer/transfers/transfer-commands";
import { loadTransfer } from "@/lib/course-transfer/transfers/transfer-queries";

export const GET = apiRoute(getTransferContract, async ({ db, user, params }) => {
  const view = await loadTransfer(db, user, params.transferId);
  if (!view) throw new ApiProblem("not_found", "There is no such copy or import of yours.");
  return transferItemOf(view);
});

// Only an uploaded package still waiting for its start, and only the uploader's own.
export const DELETE = apiRoute(cancelImportContract, async ({ db, user, params }) => {
  const { transferId } = await cancelImport(db, user, { transferId: params.transferId });
  return { id: transferId };
});
