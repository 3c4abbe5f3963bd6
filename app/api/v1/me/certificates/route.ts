import { certificateJson, listMyCertificatesContract } from "@/lib/api/contracts/certificates";
import { pageOf } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { certificates } from "@/db/schema";
import { eq } from "drizzle-orm";
import { listCertificatesAfter } from "@/lib/certificates/queries";

export const GET = apiRoute(listMyCertificatesContract, async ({ db, user, query, url }) => {
  const rows = await listCertificatesAfter(db, user, eq(certificates.userId, user.id), query);
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, ...row }) => certificateJson(row));
});
