import { htmlToMarkdown } from "../html-to-markdown";
import { clozeMarker, importLimits, type ClozeGap, type ImportProblem, type ImportResult, type PortableFile, type PortableQuestion } from "../portable-question";
import { readZipSafely } from "../zip/read-zip-safely";

const isZip = (data: Uint8Array) => data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
import { child, childrenNamed, descendants, elements, parseXmlTree, textContent, toHtml, type XmlElement } from "./xml-tree";

// IMS QTI 2.1 and 3.0 items (assessmentItem / qti-assessment-item), alone or
// in a content package (imsmanifest.xml with imsqti_item_xmlv2p1 or
// imsqti_item_xmlv3p0 resources), as Canvas, TAO and publishers export them.
// The response declarations and processing decide what is right and how much
// it scores; the item body gives the text, the choices and the gaps.

interface Declaration {
  cardinality: string;
  baseType: string;
  correct: string[];
  mapping: Map<string, number>;
  mappingDefault: number;
}

interface ItemContext {
  file: string | undefined;
  problems: ImportProblem[];
  resolve: (href: string) => PortableFile | null;
  files: PortableFile[];
}

const blockInteractions = new Set(["choiceInteraction", "extendedTextInteraction", "matchInteraction", "orderInteraction", "associateInteraction", "hotspotInteraction", "hottextInteraction", "graphicOrderInteraction", "graphicAssociateInteraction", "graphicGapMatchInteraction", "gapMatchInteraction", "selectPointInteraction", "sliderInteraction", "uploadInteraction", "drawingInteraction", "mediaInteraction", "customInteraction", "portableCustomInteraction", "positionObjectInteraction", "endAttemptInteraction"]);
const inlineInteractions = new Set(["textEntryInteraction", "inlineChoiceInteraction"]);
const hidden = new Set(["feedbackInline", "feedbackBlock", "rubricBlock", "modalFeedback", "templateBlock", "templateInline"]);

function declarations(item: XmlElement): Map<string, Declaration> {
  const found = new Map<string, Declaration>();
  for (const declaration of childrenNamed(item, "responseDeclaration")) {
    const correct = child(declaration, "correctResponse");
    const mapping = child(declaration, "mapping");
    const entries = new Map<string, number>();
    for (const entry of mapping ? childrenNamed(mapping, "mapEntry") : []) entries.set(entry.attrs.mapKey ?? "", Number(entry.attrs.mappedValue ?? "0"));
    found.set(declaration.attrs.identifier ?? "", {
      cardinality: declaration.attrs.cardinality ?? "single",
      baseType: declaration.attrs.baseType ?? "identifier",
      correct: correct ? childrenNamed(correct, "value").map((value) => textContent(value).trim()) : [],
      mapping: entries,
      mappingDefault: Number(mapping?.attrs.defaultValue ?? "0") || 0,
    });
  }
  return found;
}

/** The item's worth: MAXSCORE's default, else 1. */
function pointsOf(item: XmlElement): number {
  for (const outcome of childrenNamed(item, "outcomeDeclaration")) {
    if (outcome.attrs.identifier !== "MAXSCORE") continue;
    const value = Number(textContent(child(child(outcome, "defaultValue") ?? outcome, "value") ?? "").trim());
    if (Number.isFinite(value) && value > 0) return value;
  }
  return 1;
}

/** The package's images that kept Markdown shows (written next to the item, under media/). */
function keepAttachments(markdown: string, context: ItemContext) {
  for (const match of markdown.matchAll(/attachment:([^\s"'<>)]+)/g)) {
    const file = context.resolve(`media/${match[1]}`);
    if (!file) context.problems.push({ line: null, file: context.file, message: `The image ${match[1]} is not in the package; it was left out.` });
    else if (!context.files.some((known) => known.name === file.name)) context.files.push(file);
  }
}

/** Rich content as Markdown: Jeevi Academy's own exports carry their Markdown; images become attachment: references. */
function markdownOf(nodes: XmlElement["children"], context: ItemContext, replace: (element: XmlElement) => string | null = () => null): string {
  const own = nodes.length === 1 && typeof nodes[0] !== "string" ? nodes[0]!.attrs.dataJeeviMarkdown : undefined;
  if (own !== undefined) {
    keepAttachments(own, context);
    return own;
  }
  // Jeevi Academy's own exports keep each text's Markdown beside its HTML: it stands in for the HTML exactly.
  const kept: string[] = [];
  const html = toHtml(nodes, (element) => {
    if (element.attrs.dataJeeviMarkdown !== undefined) {
      keepAttachments(element.attrs.dataJeeviMarkdown, context);
      kept.push(element.attrs.dataJeeviMarkdown);
      return `<p>JEEVIMARKDOWN${kept.length - 1}X</p>`;
    }
    if (hidden.has(element.name)) return "";
    if (element.name === "img") {
      const src = element.attrs.src ?? "";
      const file = context.resolve(src);
      if (!file) {
        context.problems.push({ line: null, file: context.file, message: `The image ${src} is not in the package; it was left out.` });
        return "";
      }
      if (!context.files.some((known) => known.name === file.name)) context.files.push(file);
      return `<img src="attachment:${encodeURIComponent(file.name)}" alt="${(element.attrs.alt ?? "").replace(/"/g, "&quot;")}">`;
    }
    if (element.name === "math") {
      context.problems.push({ line: null, file: context.file, message: "MathML was kept as its plain text; write formulas in LaTeX between \\( and \\) to show them as math." });
      return textContent(element);
    }
    return replace(element);
  });
  return htmlToMarkdown(html).replace(/JEEVIMARKDOWN(\d+)X/g, (_, n: string) => kept[Number(n)] ?? "");
}

function choicesOf(interaction: XmlElement, declaration: Declaration | undefined, context: ItemContext, maxPoints: number) {
  const choices = childrenNamed(interaction, "simpleChoice");
  return choices.map((choice) => {
    const id = choice.attrs.identifier ?? "";
    const feedback = descendants(choice, "feedbackInline")[0];
    let weight: number;
    if (declaration && declaration.mapping.size > 0) weight = ((declaration.mapping.get(id) ?? declaration.mappingDefault) / maxPoints) * 100;
    else if (declaration?.correct.includes(id)) weight = declaration.cardinality === "single" ? 100 : 100 / declaration.correct.length;
    else weight = 0;
    return {
      id,
      text: markdownOf(choice.children.filter((node) => typeof node === "string" || node.name !== "feedbackInline"), context),
      weight: Math.round(weight * 100000) / 100000,
      feedback: feedback ? markdownOf(feedback.children, context) : "",
    };
  });
}

/**
 * The absolute tolerance the item's processing compares a number with: of the
 * comparison of `responseId` when given (a gap among several), else the first.
 */
function toleranceOf(item: XmlElement, responseId?: string): number {
  const processing = child(item, "responseProcessing");
  const equals = processing ? descendants(processing, "equal") : [];
  const equal = responseId === undefined ? equals[0] : equals.find((candidate) => descendants(candidate, "variable").some((variable) => variable.attrs.identifier === responseId));
  const value = Number((equal?.attrs.tolerance ?? "0").trim().split(/\s+/)[0]);
  return Number.isFinite(value) ? Math.abs(value) : 0;
}

function textAnswers(declaration: Declaration | undefined, maxPoints: number) {
  if (!declaration) return [];
  const answers = new Map<string, number>();
  for (const value of declaration.correct) answers.set(value, 100);
  for (const [key, value] of declaration.mapping) if (!answers.has(key)) answers.set(key, Math.round((value / maxPoints) * 100 * 100000) / 100000);
  return [...answers].map(([text, weight]) => ({ text, weight, feedback: "" }));
}

type ItemOutcome = PortableQuestion | string;

function itemQuestion(item: XmlElement, context: ItemContext, meta: { category: string[]; tags: string[] }): ItemOutcome {
  const declared = declarations(item);
  const points = pointsOf(item);
  const body = child(item, "itemBody");
  if (!body) return "The item has no item body.";
  const interactions: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    for (const inner of elements(element)) {
      if (blockInteractions.has(inner.name) || inlineInteractions.has(inner.name)) interactions.push(inner);
      else walk(inner);
    }
  };
  walk(body);
  const unsupported = interactions.find((interaction) => !["choiceInteraction", "extendedTextInteraction", "matchInteraction", "orderInteraction", ...inlineInteractions].includes(interaction.name));
  if (unsupported) return `${unsupported.rawName} items have no counterpart here; skipped.`;
  if (interactions.length === 0) return "The item has no interaction to answer.";
  const processing = child(item, "responseProcessing");
  // Own processing is read as "right when it matches the correct response": say so unless it compares every response that way.
  const compared = new Set(
    processing ? [...descendants(processing, "equal"), ...descendants(processing, "match")].flatMap((test) => descendants(test, "variable").map((variable) => variable.attrs.identifier)) : [],
  );
  if (processing && !processing.attrs.template && !processing.attrs.templateLocation && elements(processing).length > 0 && interactions.some((interaction) => !compared.has(interaction.attrs.responseIdentifier))) {
    context.problems.push({ line: null, file: context.file, message: "The item's own response processing was read as “right when it matches the correct response”." });
  }
  const modal = childrenNamed(item, "modalFeedback").map((feedback) => markdownOf(feedback.children.length === 1 && typeof feedback.children[0] !== "string" && feedback.children[0]!.name === "contentBody" ? feedback.children[0]!.children : feedback.children, context));
  const base = { name: (item.attrs.title ?? "").trim(), points, explanation: modal.join("\n\n").trim(), category: meta.category, tags: meta.tags };
  const first = interactions[0]!;
  const declaration = declared.get(first.attrs.responseIdentifier ?? "");
  const blockText = () =>
    markdownOf(body.children, context, (element) => {
      if (element === first) {
        const prompt = child(element, "prompt");
        return prompt ? toHtml(prompt.children) : "";
      }
      return null;
    });

  if (interactions.every((interaction) => inlineInteractions.has(interaction.name))) {
    const gaps: ClozeGap[] = [];
    const text = markdownOf(body.children, context, (element) => {
      const index = interactions.indexOf(element);
      if (index < 0) return null;
      return `JEEVIGAP${index + 1}X`;
    }).replace(/JEEVIGAP(\d+)X/g, (_, n: string) => clozeMarker(Number(n)));
    for (const interaction of interactions) {
      const own = declared.get(interaction.attrs.responseIdentifier ?? "");
      const gapPoints = interactions.length === 1 ? points : Math.max(1, Math.round(points / interactions.length));
      if (interaction.name === "inlineChoiceInteraction") {
        gaps.push({
          kind: "dropdown",
          points: gapPoints,
          choices: childrenNamed(interaction, "inlineChoice").map((choice) => ({ text: textContent(choice).trim(), weight: own?.correct.includes(choice.attrs.identifier ?? "") ? 100 : 0, feedback: "" })),
        });
      } else if (own && (own.baseType === "float" || own.baseType === "integer")) {
        const tolerance = toleranceOf(item, interactions.length === 1 ? undefined : interaction.attrs.responseIdentifier);
        gaps.push({ kind: "numeric", points: gapPoints, answers: own.correct.map((value) => ({ value: Number(value), tolerance, weight: 100, feedback: "" })) });
      } else {
        gaps.push({ kind: "short_answer", points: gapPoints, answers: textAnswers(own, gapPoints) });
      }
    }
    const textAfterGap = text.slice(text.indexOf(clozeMarker(1)) + clozeMarker(1).length).trim();
    if (interactions.length === 1 && gaps[0]!.kind !== "dropdown" && textAfterGap === "") {
      // One text box after the text: a short answer or numeric question. A box inside the text is a blank.
      const plain = text.replace(clozeMarker(1), "").trim();
      if (gaps[0]!.kind === "numeric") {
        const answers = gaps[0]!.answers.filter((answer) => Number.isFinite(answer.value));
        if (answers.length === 0) return "The numeric item has no correct value.";
        return { ...base, text: plain, type: "numeric", answers };
      }
      if (interactions[0]!.attrs.caseSensitive === "true" || descendants(processing ?? item, "stringMatch").some((match) => match.attrs.caseSensitive === "true")) {
        context.problems.push({ line: null, file: context.file, message: `“${base.name || plain.slice(0, 40)}” compared answers with case; here answers are compared without case.` });
      }
      const answers = gaps[0]!.answers;
      if (answers.length === 0) return "The item has no correct answer.";
      return { ...base, text: plain, type: "short_answer", answers };
    }
    return { ...base, text, type: "cloze", gaps };
  }
  if (interactions.length > 1) return "Items with several interactions (other than gaps in the text) have no counterpart here; skipped.";

  switch (first.name) {
    case "choiceInteraction": {
      const choices = choicesOf(first, declaration, context, points);
      if (choices.length < 2) return "A choice item needs at least two choices.";
      const text = blockText();
      const truth = choices.length === 2 && choices.every((choice) => /^(true|false)$/i.test(choice.text.trim()));
      if (truth && declaration?.correct.length === 1) {
        const trueChoice = choices.find((choice) => /^true$/i.test(choice.text.trim()))!;
        const falseChoice = choices.find((choice) => choice !== trueChoice)!;
        return { ...base, text, type: "true_false", answer: declaration.correct[0] === trueChoice.id, feedbackTrue: trueChoice.feedback, feedbackFalse: falseChoice.feedback };
      }
      const single = (first.attrs.maxChoices ?? "1") === "1" && (declaration?.cardinality ?? "single") === "single";
      return { ...base, text, type: single ? "single_choice" : "multiple_choice", choices: choices.map(({ id: _id, ...choice }) => choice) };
    }
    case "extendedTextInteraction": {
      const rubric = descendants(item, "rubricBlock").filter((block) => (block.attrs.view ?? "").includes("scorer"));
      return { ...base, text: blockText(), type: "essay", graderInfo: rubric.map((block) => markdownOf(block.children, context)).join("\n\n") };
    }
    case "orderInteraction": {
      const byId = new Map(childrenNamed(first, "simpleChoice").map((choice) => [choice.attrs.identifier ?? "", markdownOf(choice.children, context)]));
      const items = (declaration?.correct ?? []).map((id) => byId.get(id) ?? "").filter(Boolean);
      if (items.length < 2) return "The ordering item has no correct order.";
      return { ...base, text: blockText(), type: "ordering", items };
    }
    case "matchInteraction": {
      const [prompts, targets] = childrenNamed(first, "simpleMatchSet");
      if (!prompts || !targets) return "A match item needs two sets.";
      const targetText = new Map(childrenNamed(targets, "simpleAssociableChoice").map((choice) => [choice.attrs.identifier ?? "", markdownOf(choice.children, context)]));
      const used = new Set<string>();
      const pairs = [];
      for (const pair of declaration?.correct ?? []) {
        const [from, to] = pair.split(/\s+/);
        const prompt = childrenNamed(prompts, "simpleAssociableChoice").find((choice) => choice.attrs.identifier === from);
        if (!prompt || !to || !targetText.has(to)) continue;
        used.add(to);
        pairs.push({ prompt: markdownOf(prompt.children, context), answer: targetText.get(to)! });
      }
      if (pairs.length < 2) return "A match item needs at least two correct pairs.";
      return { ...base, text: blockText(), type: "matching", pairs, distractors: [...targetText].filter(([id]) => !used.has(id)).map(([, text]) => text) };
    }
  }
  return "The item could not be read.";
}

/** A single item's XML. `resolveFile` finds a package file by the item's reference to it. */
export function parseQtiItemXml(xml: string, resolveFile: (href: string) => PortableFile | null = () => null, meta = { category: [] as string[], tags: [] as string[] }, fileName?: string): ImportResult {
  const problems: ImportProblem[] = [];
  const files: PortableFile[] = [];
  const parsed = parseXmlTree(xml);
  if (!parsed.ok) return { questions: [], problems: [{ line: parsed.line, file: fileName, message: parsed.message }], files };
  const items = parsed.root.name === "assessmentItem" ? [parsed.root] : descendants(parsed.root, "assessmentItem");
  if (items.length === 0) return { questions: [], problems: [{ line: null, file: fileName, message: "This XML holds no QTI assessment item." }], files };
  const questions: PortableQuestion[] = [];
  for (const item of items) {
    const outcome = itemQuestion(item, { file: fileName, problems, resolve: resolveFile, files }, meta);
    if (typeof outcome === "string") problems.push({ line: null, file: fileName, message: `${item.attrs.title ? `“${item.attrs.title}”: ` : ""}${outcome}` });
    else questions.push(outcome);
  }
  return { questions, problems, files };
}

const decoder = new TextDecoder("utf-8");
const mimeOf = (name: string) =>
  ({ png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", svg: "image/svg+xml" } as Record<string, string>)[name.toLowerCase().split(".").pop() ?? ""] ?? "application/octet-stream";

function joinPath(base: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("/")) return null;
  const parts = base.split("/").slice(0, -1);
  for (const part of decodeURIComponent(href.split(/[?#]/)[0]!).split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** Category path and tags from a resource's LOM metadata (what Jeevi Academy's export writes). */
function metaOf(resource: XmlElement): { category: string[]; tags: string[] } {
  const tags = descendants(resource, "keyword").map((keyword) => textContent(keyword).trim()).filter(Boolean);
  const taxons = descendants(resource, "taxon").map((taxon) => textContent(child(taxon, "entry") ?? taxon).trim()).filter(Boolean);
  return { category: taxons, tags };
}

export function parseQtiPackage(data: Uint8Array, fileName: string): ImportResult {
  if (data.length > importLimits.fileBytes) return { questions: [], problems: [{ line: null, message: "The file is too large to import." }], files: [] };
  if (!isZip(data)) return parseQtiItemXml(decoder.decode(data), () => null, undefined, fileName);
  const zip = readZipSafely(data);
  if (!zip.ok) return { questions: [], problems: [{ line: null, message: zip.message }], files: [] };
  const problems: ImportProblem[] = [];
  const questions: PortableQuestion[] = [];
  const files: PortableFile[] = [];
  const fileOf = (path: string | null): PortableFile | null => {
    if (!path) return null;
    const bytes = zip.entries.get(path);
    if (!bytes) return null;
    const name = path.split("/").pop()!;
    return files.find((file) => file.name === name) ?? { name, contentType: mimeOf(name), data: bytes };
  };
  let items: { path: string; meta: { category: string[]; tags: string[] } }[] = [];
  const manifestBytes = zip.entries.get("imsmanifest.xml");
  if (manifestBytes) {
    const manifest = parseXmlTree(decoder.decode(manifestBytes));
    if (!manifest.ok) problems.push({ line: manifest.line, file: "imsmanifest.xml", message: manifest.message });
    else {
      for (const resource of descendants(manifest.root, "resource")) {
        const type = resource.attrs.type ?? "";
        if (!/imsqti_item_xmlv2p[12]|imsqti_item_xmlv3p0|imsqti_xmlv1p2/.test(type) && !/assessmentitem/i.test(type)) continue;
        const href = resource.attrs.href ?? childrenNamed(resource, "file")[0]?.attrs.href;
        const path = href ? joinPath("", href) : null;
        if (!path || !zip.entries.has(path)) {
          problems.push({ line: null, file: "imsmanifest.xml", message: `The manifest names ${href ?? "an item"}, which is not in the package.` });
          continue;
        }
        items.push({ path, meta: metaOf(resource) });
      }
    }
  }
  if (items.length === 0) {
    items = [...zip.entries.keys()].filter((path) => path.toLowerCase().endsWith(".xml") && path !== "imsmanifest.xml").map((path) => ({ path, meta: { category: [], tags: [] } }));
  }
  for (const { path, meta } of items) {
    if (questions.length >= importLimits.questions) {
      problems.push({ line: null, message: `Only the first ${importLimits.questions} questions are imported.` });
      break;
    }
    const result = parseQtiItemXml(decoder.decode(zip.entries.get(path)!), (href) => fileOf(joinPath(path, href)), meta, path);
    // An assessment test or a stylesheet is not an item: only say so when nothing else came of the package.
    problems.push(...result.problems.filter((problem) => !/holds no QTI assessment item/.test(problem.message) || manifestBytes !== undefined));
    questions.push(...result.questions);
    for (const file of result.files) if (!files.some((known) => known.name === file.name)) files.push(file);
  }
  if (questions.length === 0 && problems.length === 0) problems.push({ line: null, message: "The package holds no QTI items." });
  return { questions, problems, files };
}
