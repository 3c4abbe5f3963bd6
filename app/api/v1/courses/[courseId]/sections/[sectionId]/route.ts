import { deleteSectionContract, getSectionContract, sectionJson, updateSectionContract } from "@/lib/api/contracts/sections";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { sectionNotFoundMessage } from "@/lib/sections/access";
import { loadApiSection, loadViewedSection } from "@/lib/sections/api-queries";
import { deleteSection, updateSection } from "@/lib/sections/section-commands";

export const GET = apiRoute(getSectionContract, async ({ db, user, params }) => {
  const viewed = await loadViewedSection(db, user, params.courseId, params.sectionId);
  if (!viewed) throw new ApiProblem("not_found", sectionNotFoundMessage);
  return sectionJson(viewed.section);
});

export const PATCH = apiRoute(updateSectionContract, async ({ db, user, params, body }) => {
  const updated = await updateSection(db, user, { courseId: params.courseId, sectionId: params.sectionId, ...body });
  return sectionJson((await loadApiSection(db, updated.id))!);
});

export const DELETE = apiRoute(deleteSectionContract, async ({ db, user, params }) => {
  const deleted = await deleteSection(db, user, params);
  return { id: deleted.id, courseId: deleted.courseId };
});
