import { startImportContract, transferItemOf } from "@/lib/api/contracts/course-transfers";
import { apiRoute } from "@/lib/api/route";
import { confirmImport } from "@/lib/course-transfer/transfers/transfer-commands";
import { loadTransfer } from "@/lib/course-transfer/transfers/transfer-queries";

// The same command as the import page's confirmation: queued, then made by the background job.
export const POST = apiRoute(startImportContract, async ({ db, user, params, body }) => {
  const { transferId } = await confirmImport(db, user, { transferId: params.transferId, ...body });
  return transferItemOf((await loadTransfer(db, user, transferId))!);
});
