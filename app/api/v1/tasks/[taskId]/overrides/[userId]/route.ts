import { deleteOverrideContract, overrideJson, putOverrideContract } from "@/lib/api/contracts/task-overrides";
import { apiRoute } from "@/lib/api/route";
import { loadOverrideRow } from "@/lib/pacing/override-queries";
import { removeTaskOverride, saveTaskOverride } from "@/lib/pacing/task-override-commands";

// The same domain functions as the teacher's page: audited, the student told.
export const PUT = apiRoute(putOverrideContract, async ({ db, user, params, body }) => {
  const saved = await saveTaskOverride(db, user, { taskId: params.taskId, userId: params.userId, ...body });
  return overrideJson((await loadOverrideRow(db, saved.id))!);
});

export const DELETE = apiRoute(deleteOverrideContract, async ({ db, user, params }) => {
  const removed = await removeTaskOverride(db, user, { taskId: params.taskId, userId: params.userId });
  return { taskId: removed.taskId, userId: removed.userId };
});
