import { deleteModuleReleaseRuleContract, getModuleReleaseRuleContract, setModuleReleaseRuleContract } from "@/lib/api/contracts/release-rules";
import { apiRoute } from "@/lib/api/route";
import { readReleaseRule, writeReleaseRule } from "@/lib/pacing/release-rule-answers";

// When a module opens: the same reads and command as the release conditions page.
export const GET = apiRoute(getModuleReleaseRuleContract, ({ db, user, params }) => readReleaseRule(db, user, "module", params.moduleId));

export const PUT = apiRoute(setModuleReleaseRuleContract, ({ db, user, params, body }) => writeReleaseRule(db, user, "module", params.moduleId, body.rule));

export const DELETE = apiRoute(deleteModuleReleaseRuleContract, ({ db, user, params }) => writeReleaseRule(db, user, "module", params.moduleId, null));
