import { deleteSectionOverrideContract, putSectionOverrideContract, sectionOverrideJson } from "@/lib/api/contracts/section-overrides";
import { apiRoute } from "@/lib/api/route";
import { removeSectionOverride, saveSectionOverride } from "@/lib/pacing/section-override-commands";
import { loadSectionOverrideRow } from "@/lib/pacing/section-override-queries";

// The same domain functions as the teacher's page: audited, the section's students told.
export const PUT = apiRoute(putSectionOverrideContract, async ({ db, user, params, body }) => {
  const saved = await saveSectionOverride(db, user, { taskId: params.taskId, sectionId: params.sectionId, ...body });
  return sectionOverrideJson((await loadSectionOverrideRow(db, saved.id))!);
});

export const DELETE = apiRoute(deleteSectionOverrideContract, async ({ db, user, params }) => {
  const removed = await removeSectionOverride(db, user, { taskId: params.taskId, sectionId: params.sectionId });
  return { taskId: removed.taskId, sectionId: removed.sectionId };
});
