import { addMembersContract, listMembersContract } from "@/lib/api/contracts/sections";
import { pageOf } from "@/lib/api/pagination";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { sectionNotFoundMessage } from "@/lib/sections/access";
import { listMembersAfter } from "@/lib/sections/api-queries";
import { addSectionMembers } from "@/lib/sections/member-commands";

export const GET = apiRoute(listMembersContract, async ({ db, user, params, query, url }) => {
  const rows = await listMembersAfter(db, user, params.courseId, params.sectionId, query);
  if (!rows) throw new ApiProblem("not_found", sectionNotFoundMessage);
  return pageOf(url, rows, query.limit, ({ cursor: _cursor, ...row }) => ({ ...row, addedAt: row.addedAt.toISOString() }));
});

// All or none: one student who is not enrolled adds nobody.
export const POST = apiRoute(addMembersContract, async ({ db, user, params, body }) => {
  const result = await addSectionMembers(db, user, { courseId: params.courseId, sectionId: params.sectionId, userIds: body.userIds });
  return { added: result.added, alreadyMembers: result.alreadyMembers };
});
