import { splitContract } from "@/lib/api/contracts/sections";
import { apiRoute } from "@/lib/api/route";
import { splitIntoSections } from "@/lib/sections/split-command";

// The same random split as the teacher's page: audited.
export const POST = apiRoute(splitContract, async ({ db, user, params, body }) => {
  const result = await splitIntoSections(db, user, { courseId: params.courseId, ...body });
  return { mode: result.mode, removed: result.removed, groups: result.groups };
});
