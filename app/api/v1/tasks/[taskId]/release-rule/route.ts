import { deleteTaskReleaseRuleContract, getTaskReleaseRuleContract, setTaskReleaseRuleContract } from "@/lib/api/contracts/release-rules";
import { apiRoute } from "@/lib/api/route";
import { readReleaseRule, writeReleaseRule } from "@/lib/pacing/release-rule-answers";

// When a task opens: the same reads and command as the release conditions page.
export const GET = apiRoute(getTaskReleaseRuleContract, ({ db, user, params }) => readReleaseRule(db, user, "task", params.taskId));

export const PUT = apiRoute(setTaskReleaseRuleContract, ({ db, user, params, body }) => writeReleaseRule(db, user, "task", params.taskId, body.rule));

export const DELETE = apiRoute(deleteTaskReleaseRuleContract, ({ db, user, params }) => writeReleaseRule(db, user, "task", params.taskId, null));
