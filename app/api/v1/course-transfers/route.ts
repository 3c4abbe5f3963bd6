import { listTransfersContract, transferItemOf } from "@/lib/api/contracts/course-transfers";
import { apiRoute } from "@/lib/api/route";
import { listTransfers } from "@/lib/course-transfer/transfers/transfer-queries";

export const GET = apiRoute(listTransfersContract, async ({ db, user, query }) => ({
  data: (await listTransfers(db, user, query.limit)).map(transferItemOf),
  next: null,
}));
