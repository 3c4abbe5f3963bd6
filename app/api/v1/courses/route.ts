import { listCoursesContract } from "@/lib/api/contracts/core";
import { isoOrNull } from "@/lib/api/contract";
import { pageOf } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { searchCatalogueAfter } from "@/lib/courses/catalogue";
import { summarize } from "@/lib/courses/summary";

export const GET = apiRoute(listCoursesContract, async ({ db, query, url }) => {
  const rows = await searchCatalogueAfter(db, query);
  return pageOf(url, rows, query.limit, ({ description, publishedAt, cursor: _cursor, ...card }) => ({
    ...card,
    summary: summarize(description),
    publishedAt: isoOrNull(publishedAt),
  }));
});
