import { child, parseXmlTree, textContent, type XmlElement } from "@/lib/question-formats/qti/xml-tree";
import type { ManifestTask } from "../../manifest";

// Canvas puts a quiz's settings beside its QTI, in assessment_meta.xml: the
// description, attempts, time limit, which attempt counts, shuffling. They say
// more than the QTI's metadata, so they win where both speak.

type QuizSettings = NonNullable<ManifestTask["quiz"]>;

export interface CanvasQuizMeta {
  descriptionHtml: string;
  settings: Partial<Pick<QuizSettings, "timeLimitMinutes" | "attemptsAllowed" | "gradingMethod" | "shuffleChoices">>;
}

const policies: Record<string, QuizSettings["gradingMethod"]> = { keep_highest: "highest", keep_latest: "latest", keep_average: "average" };

const text = (root: XmlElement, name: string) => textContent(child(root, name) ?? "").trim();

export function readCanvasQuizMeta(xml: string): CanvasQuizMeta | null {
  const parsed = parseXmlTree(xml);
  if (!parsed.ok || parsed.root.name !== "quiz") return null;
  const { root } = parsed;
  const settings: CanvasQuizMeta["settings"] = {};
  const attempts = Number(text(root, "allowed_attempts"));
  if (attempts === -1) settings.attemptsAllowed = null;
  else if (Number.isInteger(attempts) && attempts >= 1) settings.attemptsAllowed = Math.min(100, attempts);
  const minutes = Number(text(root, "time_limit"));
  if (text(root, "time_limit") !== "" && Number.isFinite(minutes) && minutes >= 1) settings.timeLimitMinutes = Math.min(1440, Math.round(minutes));
  const policy = policies[text(root, "scoring_policy")];
  if (policy) settings.gradingMethod = policy;
  if (text(root, "shuffle_answers") !== "") settings.shuffleChoices = text(root, "shuffle_answers") === "true";
  return { descriptionHtml: text(root, "description"), settings };
}
