import type { SingleChoiceQuestion } from "../portable-question";
import { child, elements, type XmlElement } from "../qti/xml-tree";
import { htmlMarkdown, itemFeedback, materialHtml, type HtmlRewrite } from "./qti12-material";
import { isOther, type Processing } from "./qti12-processing";

// What every item reader needs of an item: its prompt, its processing, its
// feedback texts, and where to say what it could not keep.

export type QuestionBase = Pick<SingleChoiceQuestion, "name" | "text" | "points" | "explanation" | "category" | "tags">;

export interface ItemParts {
  item: XmlElement;
  presentation: XmlElement | undefined;
  processing: Processing;
  /** Feedback texts by ident; readers mark the ones they place in `usedFeedback`. */
  feedback: Map<string, string>;
  usedFeedback: Set<string>;
  /** The idents of general feedback, which is the explanation already. */
  generalFeedback: Set<string>;
  rewrite: HtmlRewrite | undefined;
  base: QuestionBase;
  /** What was read differently than written; reported with the item's name. */
  notes: string[];
}

/** The prompt's HTML: the presentation's materials outside the response elements, in order. */
export function promptHtml(container: XmlElement | undefined): string {
  if (!container) return "";
  return elements(container)
    .map((element) => (element.name === "material" ? materialHtml(element) : element.name === "flow" ? promptHtml(element) : ""))
    .filter(Boolean)
    .join("\n");
}

// General feedback is Canvas's and Moodle's "general_fb", or what a rule shows whatever the answer (<other/>).
const isGeneral = (ident: string, shownAlways: Set<string>) => ident === "general_fb" || (shownAlways.has(ident) && !/correct|wrong/i.test(ident));

export function itemParts(item: XmlElement, processing: Processing, points: number, rewrite: HtmlRewrite | undefined): ItemParts {
  const presentation = child(item, "presentation");
  const feedback = itemFeedback(item, rewrite);
  const shownAlways = new Set(processing.rules.filter((rule) => isOther(rule.condition)).flatMap((rule) => rule.feedback));
  const general = [...feedback.keys()].filter((ident) => isGeneral(ident, shownAlways));
  return {
    item,
    presentation,
    processing,
    feedback,
    usedFeedback: new Set(general),
    generalFeedback: new Set(general),
    rewrite,
    base: {
      name: (item.attrs.title ?? "").trim(),
      text: htmlMarkdown(promptHtml(presentation), rewrite),
      points,
      explanation: general.map((ident) => feedback.get(ident)!).join("\n\n"),
      category: [],
      tags: [],
    },
    notes: [],
  };
}

/** The feedback texts a rule shows, marked as placed. */
export function feedbackOf(parts: ItemParts, idents: readonly string[]): string {
  const texts = [...new Set(idents)].filter((ident) => parts.feedback.has(ident) && !parts.generalFeedback.has(ident));
  for (const ident of texts) parts.usedFeedback.add(ident);
  return texts.map((ident) => parts.feedback.get(ident)!).join("\n\n");
}
