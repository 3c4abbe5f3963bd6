import { importLimits, type ImportProblem, type PortableQuestion } from "../portable-question";
import { child, childrenNamed, descendants, elements, parseXmlTree, textContent, type XmlElement } from "../qti/xml-tree";
import { readItem } from "./qti12-item";
import { materialHtml, materialsIn, type HtmlRewrite } from "./qti12-material";
import { metadataOf, positiveNumber } from "./qti12-metadata";

// IMS QTI 1.2.1 as Common Cartridge carries it: a <questestinterop> holding
// one <assessment> (a quiz: sections of items, with its time limit and
// attempts in its metadata) or one <objectbank> (a question bank). Canvas's
// fuller exports add question types, references to bank questions and random
// draws; those are read too, so a quiz keeps its order and its draws.

export interface Qti12Settings {
  timeLimitMinutes?: number;
  /** null: unlimited. */
  attemptsAllowed?: number | null;
  /** Whether choices are shown in a shuffled order: any of the assessment's render_choice with shuffle="Yes"; absent without choice items. */
  shuffleChoices?: boolean;
}

/** A place in the quiz: one of the file's questions, a bank's question by its ident, or a random draw. */
export type Qti12Entry =
  | { kind: "question"; index: number }
  | { kind: "bankQuestion"; ident: string }
  | { kind: "draw"; count: number; points?: number; from: { bank: string } | { group: string; indices: number[] } };

export interface Qti12Result {
  questions: PortableQuestion[];
  /** Each question's item ident, in the same order. */
  idents: string[];
  problems: ImportProblem[];
  title: string;
  /** The assessment's presentation_material as HTML (references not rewritten), "" when it has none. */
  descriptionHtml: string;
  settings: Qti12Settings;
  /** The assessment's order (a bank's items in file order). */
  order: Qti12Entry[];
  /** The objectbank's ident, which quizzes draw from; null for an assessment. */
  bankIdent: string | null;
}

export interface Qti12Options {
  /** Rewrites the HTML of texts (a package's image references) before it becomes Markdown. */
  rewriteHtml?: HtmlRewrite;
}

function settingsOf(assessment: XmlElement): Qti12Settings {
  const metadata = metadataOf(assessment);
  const settings: Qti12Settings = {};
  const minutes = positiveNumber(metadata.get("qmd_timelimit"));
  if (minutes !== undefined) settings.timeLimitMinutes = Math.max(1, Math.round(minutes));
  const attempts = metadata.get("cc_maxattempts")?.toLowerCase();
  if (attempts === "unlimited" || attempts === "-1") settings.attemptsAllowed = null;
  else if (positiveNumber(attempts) !== undefined) settings.attemptsAllowed = Math.round(positiveNumber(attempts)!);
  const choices = descendants(assessment, "render_choice");
  if (choices.length > 0) settings.shuffleChoices = choices.some((choice) => (choice.attrs.shuffle ?? "").trim().toLowerCase() === "yes");
  return settings;
}

/** The text shown before the questions, as HTML. */
function descriptionOf(assessment: XmlElement): string {
  const material = child(assessment, "presentation_material");
  return material ? materialsIn(material).map(materialHtml).join("").trim() : "";
}

const itemName = (item: XmlElement) => (item.attrs.title ? `“${item.attrs.title}”: ` : item.attrs.ident ? `Item ${item.attrs.ident}: ` : "");

class Reader {
  readonly questions: PortableQuestion[] = [];
  readonly idents: string[] = [];
  readonly problems: ImportProblem[] = [];
  private full = false;

  constructor(
    private readonly file: string,
    private readonly options: Qti12Options,
  ) {}

  problem(message: string) {
    this.problems.push({ line: null, file: this.file, message });
  }

  /** The item as a question (its index), or null with the reason said. */
  item(item: XmlElement): number | null {
    if (this.questions.length >= importLimits.questions) {
      if (!this.full) this.problem(`Only the first ${importLimits.questions} questions are imported.`);
      this.full = true;
      return null;
    }
    const outcome = readItem(item, this.options.rewriteHtml);
    if (!outcome.ok) {
      this.problem(`${itemName(item)}${outcome.reason}`);
      return null;
    }
    for (const note of outcome.notes) this.problem(`${itemName(item)}${note}`);
    this.questions.push(outcome.question);
    this.idents.push(item.attrs.ident ?? "");
    return this.questions.length - 1;
  }

  /** The entries of a section (or assessment, or bank), in order. */
  entries(container: XmlElement): Qti12Entry[] {
    const found: Qti12Entry[] = [];
    for (const element of elements(container)) {
      if (element.name === "item") {
        const index = this.item(element);
        if (index !== null) found.push({ kind: "question", index });
      } else if (element.name === "itemref" && element.attrs.linkrefid) found.push({ kind: "bankQuestion", ident: element.attrs.linkrefid });
      else if (element.name === "section") found.push(...this.section(element));
      else if (element.name === "sectionref") this.problem(`A reference to the section ${element.attrs.linkrefid ?? ""} was left out; sections are read where they are written.`);
    }
    return found;
  }

  private section(section: XmlElement): Qti12Entry[] {
    const ordering = child(section, "selection_ordering");
    const selection = ordering ? child(ordering, "selection") : undefined;
    if (!selection) return this.entries(section);
    const count = positiveNumber(textContent(child(selection, "selection_number") ?? "").trim());
    const points = positiveNumber(textContent(descendants(selection, "points_per_item")[0] ?? "").trim());
    const bank = textContent(child(selection, "sourcebank_ref") ?? "").trim();
    if (count !== undefined && bank) return [{ kind: "draw", count: Math.round(count), points, from: { bank } }];
    const inner = this.entries(section);
    if (count === undefined || inner.some((entry) => entry.kind !== "question") || count >= inner.length) return inner;
    // A group that draws some of its own questions at random.
    const indices = inner.flatMap((entry) => (entry.kind === "question" ? [entry.index] : []));
    return [{ kind: "draw", count: Math.round(count), points, from: { group: (section.attrs.title ?? "").trim() || "Group", indices } }];
  }
}

const empty = (problem: ImportProblem): Qti12Result => ({ questions: [], idents: [], problems: [problem], title: "", descriptionHtml: "", settings: {}, order: [], bankIdent: null });

export function parseQti12(xml: string, file: string, options: Qti12Options = {}): Qti12Result {
  const parsed = parseXmlTree(xml);
  if (!parsed.ok) return empty({ line: parsed.line, file, message: parsed.message });
  const root = parsed.root;
  const top = root.name === "questestinterop" ? root : undefined;
  const assessment = root.name === "assessment" ? root : top ? child(top, "assessment") : undefined;
  const bank = root.name === "objectbank" ? root : top ? child(top, "objectbank") : undefined;
  const container = assessment ?? bank ?? top;
  if (!container) return empty({ line: null, file, message: "This XML is not QTI 1.2 (it has no <questestinterop>)." });
  const reader = new Reader(file, options);
  const order = reader.entries(container);
  if (assessment && childrenNamed(top ?? root, "assessment").length > 1) reader.problem("Only the first assessment of the file was read.");
  const bankTitle = bank ? metadataOf(bank).get("bank_title") : undefined;
  const title = (assessment?.attrs.title ?? bankTitle ?? bank?.attrs.title ?? "").trim();
  if (reader.questions.length === 0 && reader.problems.length === 0 && order.length === 0) reader.problem("The file holds no questions.");
  return {
    questions: reader.questions,
    idents: reader.idents,
    problems: reader.problems,
    title,
    descriptionHtml: assessment ? descriptionOf(assessment) : "",
    settings: assessment ? settingsOf(assessment) : {},
    order,
    bankIdent: bank ? (bank.attrs.ident ?? null) : null,
  };
}
