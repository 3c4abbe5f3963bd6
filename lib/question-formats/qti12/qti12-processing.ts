import { child, childrenNamed, elements, textContent, type XmlElement } from "../qti/xml-tree";

// An item's <resprocessing> as rules: when a condition holds, the score is set
// (or added to) and feedback shown. The item readers ask it narrow questions
// ("which labels does a full-marks rule pick?") instead of running it, since a
// question here is described by its right answers, not by a program.

export type Condition =
  | { op: "equal"; respident: string; value: string; caseSensitive: boolean }
  | { op: "substring"; respident: string; value: string; caseSensitive: boolean }
  | { op: "compare"; respident: string; relation: "gt" | "gte" | "lt" | "lte"; value: string }
  | { op: "and" | "or"; parts: Condition[] }
  | { op: "not"; part: Condition }
  | { op: "other" }
  | { op: "unknown"; name: string };

export interface ResponseRule {
  condition: Condition;
  /** The score this rule gives, in percent of the item's maximum: a Set, or an Add when `adds`. */
  score: number | null;
  adds: boolean;
  feedback: string[];
}

export interface Processing {
  rules: ResponseRule[];
}

const relations: Record<string, "gt" | "gte" | "lt" | "lte"> = { vargt: "gt", vargte: "gte", varlt: "lt", varlte: "lte" };

function conditionOf(element: XmlElement): Condition {
  const respident = element.attrs.respident ?? "";
  const caseSensitive = (element.attrs.case ?? "No").toLowerCase() === "yes";
  switch (element.name) {
    case "varequal":
      return { op: "equal", respident, value: textContent(element).trim(), caseSensitive };
    case "varsubstring":
      return { op: "substring", respident, value: textContent(element).trim(), caseSensitive };
    case "vargt":
    case "vargte":
    case "varlt":
    case "varlte":
      return { op: "compare", respident, relation: relations[element.name]!, value: textContent(element).trim() };
    case "and":
    case "or":
      return { op: element.name, parts: elements(element).map(conditionOf) };
    case "not":
      return { op: "not", part: elements(element)[0] ? conditionOf(elements(element)[0]!) : { op: "unknown", name: "not" } };
    case "other":
      return { op: "other" };
    default:
      return { op: "unknown", name: element.name };
  }
}

/** The variable the item scores into: the first <decvar>'s name, SCORE when unnamed. */
function scoreVariable(processing: XmlElement): { name: string; max: number | null } {
  const decvar = child(child(processing, "outcomes") ?? processing, "decvar");
  const max = Number(decvar?.attrs.maxvalue ?? "");
  return { name: (decvar?.attrs.varname ?? "SCORE").toLowerCase(), max: Number.isFinite(max) && max > 0 ? max : null };
}

export function readProcessing(item: XmlElement): Processing {
  const processing = child(item, "resprocessing");
  if (!processing) return { rules: [] };
  const variable = scoreVariable(processing);
  const raw = childrenNamed(processing, "respcondition").map((rule) => {
    const conditionvar = child(rule, "conditionvar");
    const parts = conditionvar ? elements(conditionvar).map(conditionOf) : [];
    const setvar = childrenNamed(rule, "setvar").find((set) => (set.attrs.varname ?? "SCORE").toLowerCase() === variable.name);
    const action = (setvar?.attrs.action ?? "Set").toLowerCase();
    const value = setvar ? Number(textContent(setvar).trim()) : NaN;
    // Several conditions side by side are alternatives to the readers below (CC's fill-in-the-blank lists its answers so).
    const condition: Condition = parts.length === 1 ? parts[0]! : { op: "or", parts };
    return {
      condition,
      value: Number.isFinite(value) && (action === "set" || action === "add" || action === "subtract") ? (action === "subtract" ? -value : value) : null,
      adds: action === "add" || action === "subtract",
      feedback: childrenNamed(rule, "displayfeedback").map((shown) => shown.attrs.linkrefid ?? "").filter(Boolean),
    };
  });
  // Without a declared maximum, the largest score a rule sets is full marks (exporters that score 0..1).
  const max = variable.max ?? Math.max(0, ...raw.filter((rule) => !rule.adds && rule.value !== null).map((rule) => rule.value!));
  const full = max > 0 ? max : 100;
  return {
    rules: raw.map((rule) => ({ condition: rule.condition, score: rule.value === null ? null : (rule.value / full) * 100, adds: rule.adds, feedback: rule.feedback })),
  };
}

/** The values a condition requires (equal or substring tests not under a "not"), for one response or any. */
export function positiveTests(condition: Condition, respident?: string): Extract<Condition, { op: "equal" | "substring" }>[] {
  switch (condition.op) {
    case "equal":
    case "substring":
      return respident === undefined || condition.respident === respident || condition.respident === "" ? [condition] : [];
    case "and":
    case "or":
      return condition.parts.flatMap((part) => positiveTests(part, respident));
    default:
      return [];
  }
}

/** The number comparisons of a condition (not under a "not"). */
export function comparisons(condition: Condition): Extract<Condition, { op: "compare" }>[] {
  if (condition.op === "compare") return [condition];
  if (condition.op === "and" || condition.op === "or") return condition.parts.flatMap(comparisons);
  return [];
}

export const isOther = (condition: Condition) => condition.op === "other" || (condition.op === "or" && condition.parts.length === 1 && condition.parts[0]!.op === "other");

/** A rate of the whole item, rounded so 100/3 reads as 33.33333. */
export const roundWeight = (weight: number) => Math.round(weight * 100000) / 100000;
