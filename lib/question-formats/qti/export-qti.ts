import { zipSync } from "fflate";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/content/markdown";
import { clozeMarkerPattern, type PortableFile, type PortableQuestion } from "../portable-question";

// An IMS QTI 3.0 content package: imsmanifest.xml (IMS CP, resources of type
// imsqti_item_xmlv3p0, each item's images as its files, the category path as
// a LOM classification and the tags as LOM keywords) and one item file per
// question. Rich text goes out as HTML for other tools, with the Markdown it
// came from kept in a data-jeevi-markdown attribute so it comes back exactly.

const escape = (text: string) => text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
const templates = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates";

interface ItemFiles {
  used: PortableFile[];
}

// The sanitiser keeps only https images, so an attachment passes through it under a stand-in address.
const standIn = "https://attachment.invalid/";
const render = (markdown: string, inlineOnly: boolean) => {
  const prepared = markdown.replace(/attachment:([^\s"'<>)]+)/g, `${standIn}$1`);
  return (inlineOnly ? renderInlineMarkdown(prepared) : renderMarkdown(prepared)).split(standIn).join("attachment:");
};

function withMedia(html: string, files: readonly PortableFile[], item: ItemFiles): string {
  return html.replace(/attachment:([^\s"'<>)]+)/g, (whole, raw: string) => {
    let name = raw;
    try {
      name = decodeURIComponent(raw);
    } catch {
      // Used as written.
    }
    const file = files.find((candidate) => candidate.name === name);
    if (!file) return whole;
    if (!item.used.includes(file)) item.used.push(file);
    return `media/${encodeURIComponent(file.name)}`;
  });
}

// The sanitiser leaves HTML, not XHTML: void elements are closed for XML.
const xhtml = (html: string) => html.replace(/<(br|hr|img)([^>]*?)\s*\/?>/g, "<$1$2/>").replace(/&nbsp;/g, "&#160;");

const block = (markdown: string, files: readonly PortableFile[], item: ItemFiles) =>
  `<div data-jeevi-markdown="${escape(markdown)}">${xhtml(withMedia(render(markdown, false), files, item))}</div>`;
const inline = (markdown: string, files: readonly PortableFile[], item: ItemFiles) =>
  `<span data-jeevi-markdown="${escape(markdown)}">${xhtml(withMedia(render(markdown, true), files, item))}</span>`;

const outcomes = (points: number) =>
  `<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>
<qti-outcome-declaration identifier="MAXSCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>${points}</qti-value></qti-default-value></qti-outcome-declaration>`;

const values = (list: string[]) => list.map((value) => `<qti-value>${escape(value)}</qti-value>`).join("");
const mapping = (entries: [string, number][]) =>
  `<qti-mapping default-value="0">${entries.map(([key, value]) => `<qti-map-entry map-key="${escape(key)}" mapped-value="${value}" case-sensitive="false"/>`).join("")}</qti-mapping>`;
const feedback = (text: string, id: string, files: readonly PortableFile[], item: ItemFiles) =>
  text ? `<qti-feedback-inline outcome-identifier="FEEDBACK" identifier="${id}" show-hide="show">${inline(text, files, item)}</qti-feedback-inline>` : "";

function itemXml(question: PortableQuestion, id: string, files: readonly PortableFile[], item: ItemFiles): string | null {
  const points = question.points;
  let declaration = "";
  let body = "";
  let processing = `<qti-response-processing template="${templates}/match_correct.xml"/>`;
  const text = () => block(question.text, files, item);
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
    case "true_false": {
      const choices =
        question.type === "true_false"
          ? [
              { text: "True", weight: question.answer ? 100 : 0, feedback: question.feedbackTrue },
              { text: "False", weight: question.answer ? 0 : 100, feedback: question.feedbackFalse },
            ]
          : question.choices;
      const single = question.type !== "multiple_choice";
      const correct = choices.flatMap((choice, index) => ((single ? choice.weight >= 100 : choice.weight > 0) ? [`C${index + 1}`] : []));
      const weighted = question.type !== "true_false" && choices.some((choice) => choice.weight !== 0 && choice.weight !== 100);
      declaration = `<qti-response-declaration identifier="RESPONSE" cardinality="${single ? "single" : "multiple"}" base-type="identifier"><qti-correct-response>${values(correct)}</qti-correct-response>${
        weighted || !single ? mapping(choices.map((choice, index) => [`C${index + 1}`, Math.round((choice.weight / 100) * points * 100000) / 100000])) : ""
      }</qti-response-declaration>`;
      if (weighted || !single) processing = `<qti-response-processing template="${templates}/map_response.xml"/>`;
      body = `${text()}<qti-choice-interaction response-identifier="RESPONSE" max-choices="${single ? 1 : 0}" shuffle="false">${choices
        .map((choice, index) => `<qti-simple-choice identifier="C${index + 1}">${question.type === "true_false" ? choice.text : inline(choice.text, files, item)}${feedback(choice.feedback, `C${index + 1}`, files, item)}</qti-simple-choice>`)
        .join("")}</qti-choice-interaction>`;
      break;
    }
    case "short_answer": {
      const full = question.answers.filter((answer) => answer.weight >= 100).map((answer) => answer.text);
      declaration = `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"><qti-correct-response>${values(full)}</qti-correct-response>${mapping(
        question.answers.filter((answer) => answer.weight < 100).map((answer) => [answer.text, Math.round((answer.weight / 100) * points * 100000) / 100000]),
      )}</qti-response-declaration>`;
      processing = `<qti-response-processing template="${templates}/map_response.xml"/>`;
      body = `${text()}<p><qti-text-entry-interaction response-identifier="RESPONSE" expected-length="20"/></p>`;
      break;
    }
    case "numeric": {
      const [answer] = question.answers;
      if (!answer) return null;
      declaration = `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="float"><qti-correct-response>${values([String(answer.value)])}</qti-correct-response></qti-response-declaration>`;
      processing = `<qti-response-processing><qti-response-condition><qti-response-if><qti-equal tolerance-mode="absolute" tolerance="${answer.tolerance} ${answer.tolerance}"><qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-equal><qti-set-outcome-value identifier="SCORE"><qti-variable identifier="MAXSCORE"/></qti-set-outcome-value></qti-response-if></qti-response-condition></qti-response-processing>`;
      body = `${text()}<p><qti-text-entry-interaction response-identifier="RESPONSE" expected-length="10"/></p>`;
      break;
    }
    case "essay":
      declaration = `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>`;
      processing = "";
      body = `${question.graderInfo ? `<qti-rubric-block use="scoring" view="scorer">${block(question.graderInfo, files, item)}</qti-rubric-block>` : ""}${text()}<qti-extended-text-interaction response-identifier="RESPONSE"/>`;
      break;
    case "ordering":
      declaration = `<qti-response-declaration identifier="RESPONSE" cardinality="ordered" base-type="identifier"><qti-correct-response>${values(question.items.map((_, index) => `O${index + 1}`))}</qti-correct-response></qti-response-declaration>`;
      body = `${text()}<qti-order-interaction response-identifier="RESPONSE" shuffle="true">${question.items.map((entry, index) => `<qti-simple-choice identifier="O${index + 1}">${inline(entry, files, item)}</qti-simple-choice>`).join("")}</qti-order-interaction>`;
      break;
    case "matching": {
      const answers = [...question.pairs.map((pair) => pair.answer), ...question.distractors];
      declaration = `<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="directedPair"><qti-correct-response>${values(question.pairs.map((_, index) => `P${index + 1} A${index + 1}`))}</qti-correct-response></qti-response-declaration>`;
      body = `${text()}<qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="${question.pairs.length}"><qti-simple-match-set>${question.pairs
        .map((pair, index) => `<qti-simple-associable-choice identifier="P${index + 1}" match-max="1">${inline(pair.prompt, files, item)}</qti-simple-associable-choice>`)
        .join("")}</qti-simple-match-set><qti-simple-match-set>${answers.map((answer, index) => `<qti-simple-associable-choice identifier="A${index + 1}" match-max="${question.pairs.length}">${inline(answer, files, item)}</qti-simple-associable-choice>`).join("")}</qti-simple-match-set></qti-match-interaction>`;
      break;
    }
    case "cloze": {
      const declarations: string[] = [];
      const html = xhtml(withMedia(render(question.text, false), files, item)).replace(clozeMarkerPattern, (whole, raw: string) => {
        const gap = question.gaps[Number(raw) - 1];
        if (!gap) return whole;
        const rid = `RESPONSE${raw}`;
        if (gap.kind === "dropdown") {
          declarations.push(`<qti-response-declaration identifier="${rid}" cardinality="single" base-type="identifier"><qti-correct-response>${values(gap.choices.flatMap((choice, index) => (choice.weight >= 100 ? [`G${raw}C${index + 1}`] : [])))}</qti-correct-response></qti-response-declaration>`);
          return `<qti-inline-choice-interaction response-identifier="${rid}">${gap.choices.map((choice, index) => `<qti-inline-choice identifier="G${raw}C${index + 1}">${escape(choice.text)}</qti-inline-choice>`).join("")}</qti-inline-choice-interaction>`;
        }
        const base = gap.kind === "numeric" ? "float" : "string";
        const correct = gap.kind === "numeric" ? gap.answers.map((answer) => String(answer.value)) : gap.answers.filter((answer) => answer.weight >= 100).map((answer) => answer.text);
        declarations.push(`<qti-response-declaration identifier="${rid}" cardinality="single" base-type="${base}"><qti-correct-response>${values(correct)}</qti-correct-response></qti-response-declaration>`);
        return `<qti-text-entry-interaction response-identifier="${rid}"/>`;
      });
      declaration = declarations.join("\n");
      body = `<div>${html}</div>`;
      processing = clozeProcessing(question);
      break;
    }
  }
  const explanation = question.explanation
    ? `<qti-modal-feedback outcome-identifier="FEEDBACK" identifier="general" show-hide="hide"><qti-content-body>${block(question.explanation, files, item)}</qti-content-body></qti-modal-feedback>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="${id}" title="${escape(question.name)}" adaptive="false" time-dependent="false">
${declaration}
${outcomes(points)}
<qti-item-body>${body}</qti-item-body>
${processing}
${explanation}
</qti-assessment-item>
`;
}

/**
 * Each blank adds its points to SCORE when it matches its correct response: a
 * number within the blank's tolerance, text or a choice exactly. Written out
 * so that another system scores it as here, and so a tolerance travels.
 */
function clozeProcessing(question: Extract<PortableQuestion, { type: "cloze" }>): string {
  const conditions = question.gaps.map((gap, index) => {
    const rid = `RESPONSE${index + 1}`;
    const tolerance = gap.kind === "numeric" ? Math.max(0, ...gap.answers.map((answer) => answer.tolerance)) : 0;
    const test =
      gap.kind === "numeric"
        ? `<qti-equal tolerance-mode="absolute" tolerance="${tolerance} ${tolerance}"><qti-variable identifier="${rid}"/><qti-correct identifier="${rid}"/></qti-equal>`
        : `<qti-match><qti-variable identifier="${rid}"/><qti-correct identifier="${rid}"/></qti-match>`;
    return `<qti-response-condition><qti-response-if>${test}<qti-set-outcome-value identifier="SCORE"><qti-sum><qti-variable identifier="SCORE"/><qti-base-value base-type="float">${gap.points}</qti-base-value></qti-sum></qti-set-outcome-value></qti-response-if></qti-response-condition>`;
  });
  return `<qti-response-processing>${conditions.join("")}</qti-response-processing>`;
}

function resourceXml(id: string, question: PortableQuestion, used: PortableFile[]): string {
  const keywords = question.tags.map((tag) => `<imsmd:keyword><imsmd:string>${escape(tag)}</imsmd:string></imsmd:keyword>`).join("");
  const classification =
    question.category.length > 0
      ? `<imsmd:classification><imsmd:taxonPath>${question.category.map((name) => `<imsmd:taxon><imsmd:entry><imsmd:string>${escape(name)}</imsmd:string></imsmd:entry></imsmd:taxon>`).join("")}</imsmd:taxonPath></imsmd:classification>`
      : "";
  const metadata = keywords || classification ? `<metadata><imsmd:lom>${keywords ? `<imsmd:general>${keywords}</imsmd:general>` : ""}${classification}</imsmd:lom></metadata>` : "";
  return `<resource identifier="${id}" type="imsqti_item_xmlv3p0" href="items/${id}.xml">${metadata}<file href="items/${id}.xml"/>${used.map((file) => `<file href="items/media/${escape(encodeURIComponent(file.name))}"/>`).join("")}</resource>`;
}

export function exportQti3Package(questions: PortableQuestion[], files: readonly PortableFile[] = []): { zip: Uint8Array; skipped: { index: number; reason: string }[] } {
  const entries: Record<string, Uint8Array> = {};
  const resources: string[] = [];
  const skipped: { index: number; reason: string }[] = [];
  const encoder = new TextEncoder();
  questions.forEach((question, index) => {
    const id = `item-${String(index + 1).padStart(4, "0")}`;
    const item: ItemFiles = { used: [] };
    const xml = itemXml(question, id, files, item);
    if (xml === null) {
      skipped.push({ index, reason: "A numeric question needs a value." });
      return;
    }
    entries[`items/${id}.xml`] = encoder.encode(xml);
    for (const file of item.used) entries[`items/media/${file.name}`] = file.data;
    resources.push(resourceXml(id, question, item.used));
  });
  entries["imsmanifest.xml"] = encoder.encode(`<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM" identifier="jeevi-academy-questions">
<metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>
<organizations/>
<resources>
${resources.join("\n")}
</resources>
</manifest>
`);
  return { zip: zipSync(entries, { level: 6 }), skipped };
}
