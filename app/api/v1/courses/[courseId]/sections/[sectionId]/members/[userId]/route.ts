import { removeMemberContract } from "@/lib/api/contracts/sections";
import { apiRoute } from "@/lib/api/route";
import { removeSectionMember } from "@/lib/sections/member-commands";

export const DELETE = apiRoute(removeMemberContract, async ({ db, user, params }) => {
  const removed = await removeSectionMember(db, user, params);
  return { sectionId: removed.sectionId, userId: removed.userId };
});
