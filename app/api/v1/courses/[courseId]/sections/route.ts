import { createSectionContract, listSectionsContract, sectionJson } from "@/lib/api/contracts/sections";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { sectionCourseNotFoundMessage } from "@/lib/sections/access";
import { listSectionsAfter, loadApiSection } from "@/lib/sections/api-queries";
import { createSection } from "@/lib/sections/section-commands";

export const GET = apiRoute(listSectionsContract, async ({ db, user, params, query, url }) => {
  const rows = await listSectionsAfter(db, user, params.courseId, query);
  if (!rows) throw new ApiProblem("not_found", sectionCourseNotFoundMessage);
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, ...row }) => sectionJson(row));
});

// The same domain function as the teacher's page: audited.
export const POST = apiRoute(createSectionContract, async ({ db, user, params, body }) => {
  const created = await createSection(db, user, { courseId: params.courseId, ...body });
  return sectionJson((await loadApiSection(db, created.id))!);
});
