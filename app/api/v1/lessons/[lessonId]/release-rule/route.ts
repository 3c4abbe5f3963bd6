import { deleteLessonReleaseRuleContract, getLessonReleaseRuleContract, setLessonReleaseRuleContract } from "@/lib/api/contracts/release-rules";
import { apiRoute } from "@/lib/api/route";
import { readReleaseRule, writeReleaseRule } from "@/lib/pacing/release-rule-answers";

// When a lesson opens: the same reads and command as the release conditions page.
export const GET = apiRoute(getLessonReleaseRuleContract, ({ db, user, params }) => readReleaseRule(db, user, "lesson", params.lessonId));

export const PUT = apiRoute(setLessonReleaseRuleContract, ({ db, user, params, body }) => writeReleaseRule(db, user, "lesson", params.lessonId, body.rule));

export const DELETE = apiRoute(deleteLessonReleaseRuleContract, ({ db, user, params }) => writeReleaseRule(db, user, "lesson", params.lessonId, null));
