import type { PortableQuestion } from "../portable-question";
import type { XmlElement } from "../qti/xml-tree";
import { readChoiceItem } from "./qti12-choice";
import { itemKind } from "./qti12-item-kind";
import { itemParts } from "./qti12-item-parts";
import type { HtmlRewrite } from "./qti12-material";
import { readBlanks, readMatching } from "./qti12-matching";
import { metadataOf, positiveNumber } from "./qti12-metadata";
import { readProcessing } from "./qti12-processing";
import { readEssay, readNumeric, readShortAnswer } from "./qti12-text-entry";

// One <item> as a portable question, or the reason it cannot be one; either
// way with what was read differently than written.

export type ItemOutcome = { ok: true; question: PortableQuestion; notes: string[] } | { ok: false; reason: string };

export function readItem(item: XmlElement, rewrite: HtmlRewrite | undefined): ItemOutcome {
  const metadata = metadataOf(item);
  const processing = readProcessing(item);
  const kind = itemKind(item, metadata, processing);
  if (!kind.ok) return kind;
  // CC's weighting, Canvas's points; 1 when neither says.
  const points = positiveNumber(metadata.get("cc_weighting")) ?? positiveNumber(metadata.get("points_possible")) ?? 1;
  const parts = itemParts(item, processing, points, rewrite);
  let question: PortableQuestion | string;
  switch (kind.kind) {
    case "single_choice":
    case "multiple_choice":
    case "true_false":
      question = readChoiceItem(parts, kind.kind);
      break;
    case "short_answer":
    case "pattern_match":
      question = readShortAnswer(parts);
      break;
    case "numeric":
      question = readNumeric(parts);
      break;
    case "essay":
      question = readEssay(parts);
      break;
    case "matching":
      question = readMatching(parts);
      break;
    case "fill_in_blanks":
    case "dropdowns":
      question = readBlanks(parts, kind.kind);
      break;
  }
  if (typeof question === "string") return { ok: false, reason: question };
  const unplaced = [...parts.feedback.keys()].filter((ident) => !parts.usedFeedback.has(ident));
  if (unplaced.length > 0) parts.notes.push("Feedback for right or wrong answers is not kept; the general feedback is.");
  return { ok: true, question, notes: [...new Set(parts.notes)] };
}
