import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importLimits, type PortableQuestion } from "@/lib/question-formats/portable-question";
import { exportQti3Package } from "@/lib/question-formats/qti/export-qti";
import { parseQtiItemXml, parseQtiPackage } from "@/lib/question-formats/qti/parse-qti";

const sample = (name: string) => readFileSync(new URL(`./samples/qti/${name}`, import.meta.url));
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe("QTI items", () => {
  it("reads a QTI 2.1 choice item with match_correct processing", () => {
    const result = parseQtiItemXml(sample("choice-v2p1.xml").toString(), (href) => (href === "images/sign.png" ? { name: "sign.png", contentType: "image/png", data: png } : null));
    expect(result.problems).toEqual([]);
    expect(result.questions[0]).toMatchObject({
      type: "single_choice",
      name: "Unattended Luggage",
      text: "Look at the text in the picture.\n\n![NEVER LEAVE LUGGAGE UNATTENDED](attachment:sign.png)\n\nWhat does it say?",
      choices: [{ weight: 100 }, { weight: 0 }, { weight: 0 }],
    });
    expect(result.files.map((file) => file.name)).toEqual(["sign.png"]);
  });

  it("reads a QTI 3.0 text entry inside the text, with a map_response mapping, as a blank with weighted answers", () => {
    const result = parseQtiItemXml(sample("text-entry-v3p0.xml").toString());
    expect(result.questions[0]).toMatchObject({ type: "cloze", gaps: [{ kind: "short_answer", answers: [{ text: "York", weight: 100 }, { text: "york", weight: 50 }] }] });
    expect(result.questions[0]!.text).toContain("Made glorious summer by this sun of [[1]];");
  });

  it("reads a text entry after the text as a short answer question", () => {
    const item = '<qti-assessment-item identifier="s" title="S"><qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"><qti-correct-response><qti-value>York</qti-value></qti-correct-response></qti-response-declaration><qti-item-body><p>Which house?</p><p><qti-text-entry-interaction response-identifier="RESPONSE"/></p></qti-item-body></qti-assessment-item>';
    expect(parseQtiItemXml(item).questions[0]).toMatchObject({ type: "short_answer", text: "Which house?", answers: [{ text: "York", weight: 100 }] });
  });

  it("reads inline choices and text entries in the text as gaps; custom processing is named", () => {
    const result = parseQtiItemXml(sample("inline-choice-v3p0.xml").toString());
    expect(result.questions[0]).toMatchObject({
      type: "cloze",
      points: 2,
      gaps: [
        { kind: "dropdown", choices: [{ text: "Gloucester", weight: 0 }, { text: "Lancaster", weight: 0 }, { text: "York", weight: 100 }] },
        { kind: "numeric", answers: [{ value: 1485 }] },
      ],
    });
    expect(result.questions[0]!.text).toMatch(/sun of \[\[1\]\]; he died in \[\[2\]\]\./);
    expect(result.problems[0]!.message).toContain("own response processing");
  });

  it("names interactions it cannot hold, refuses external entities and malformed XML, never throws", () => {
    const hotspot = '<assessmentItem identifier="h" title="Map"><responseDeclaration identifier="R" cardinality="single" baseType="point"/><itemBody><hotspotInteraction responseIdentifier="R"/></itemBody></assessmentItem>';
    expect(parseQtiItemXml(hotspot).problems[0]!.message).toBe("“Map”: hotspotInteraction items have no counterpart here; skipped.");
    expect(parseQtiItemXml('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>').problems[0]!.message).toContain("document type");
    expect(parseQtiItemXml("<assessmentItem><itemBody>").problems[0]).toMatchObject({ line: expect.any(Number), message: expect.stringContaining("not well-formed") });
    for (const input of ["", "<x/>", "\u0000", "<assessmentItem/>"]) expect(() => parseQtiItemXml(input)).not.toThrow();
  });
});

describe("QTI packages", () => {
  it("follows a Canvas-style manifest to its items and their images, and names what is missing", () => {
    const zip = zipSync({
      "imsmanifest.xml": sample("imsmanifest.xml"),
      "items/choice-v2p1.xml": sample("choice-v2p1.xml"),
      "items/text-entry-v3p0.xml": sample("text-entry-v3p0.xml"),
      "items/inline-choice-v3p0.xml": sample("inline-choice-v3p0.xml"),
      "items/images/sign.png": png,
      "style.css": strToU8("p {}"),
    });
    const result = parseQtiPackage(zip, "canvas.zip");
    expect(result.questions.map((q) => q.type)).toEqual(["single_choice", "cloze", "cloze"]);
    expect(result.files.map((file) => file.name)).toEqual(["sign.png"]);
    expect(result.problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining("items/missing.xml, which is not in the package"));
  });

  it("reads every .xml of a package without a manifest", () => {
    const result = parseQtiPackage(zipSync({ "a.xml": sample("choice-v2p1.xml"), "b.xml": sample("text-entry-v3p0.xml") }), "bare.zip");
    expect(result.questions).toHaveLength(2);
  });

  const questions: PortableQuestion[] = [
    { type: "single_choice", name: "Lens", text: "Which lens? ![lens](attachment:lens.png)\n\n*Pick one.*", points: 2, explanation: "Convex **converges**.", category: ["Physics", "Optics"], tags: ["optics", "y10"], choices: [{ text: "Convex", weight: 100, feedback: "Yes" }, { text: "Concave & co", weight: 0, feedback: "" }, { text: "Flat", weight: 25, feedback: "" }] },
    { type: "multiple_choice", name: "Primes", text: "Primes \\(p < 5\\)?", points: 1, explanation: "", category: ["Physics"], tags: [], choices: [{ text: "2", weight: 50, feedback: "" }, { text: "3", weight: 50, feedback: "" }, { text: "4", weight: -100, feedback: "Even" }] },
    { type: "true_false", name: "TF", text: "Light is fast.", points: 1, explanation: "", category: [], tags: [], answer: true, feedbackTrue: "Yes", feedbackFalse: "It is" },
    { type: "short_answer", name: "Unit", text: "Unit?", points: 1, explanation: "", category: [], tags: [], answers: [{ text: "newton", weight: 100, feedback: "" }, { text: "N", weight: 50, feedback: "" }] },
    { type: "numeric", name: "g", text: "g?", points: 3, explanation: "", category: [], tags: [], answers: [{ value: 9.81, tolerance: 0.05, weight: 100, feedback: "" }] },
    { type: "matching", name: "M", text: "Match.", points: 1, explanation: "", category: [], tags: [], pairs: [{ prompt: "Force", answer: "newton" }, { prompt: "Energy", answer: "joule" }], distractors: ["watt"] },
    { type: "ordering", name: "O", text: "Order.", points: 1, explanation: "", category: [], tags: [], items: ["first", "second", "third"] },
    { type: "essay", name: "E", text: "Explain.", points: 1, explanation: "", category: [], tags: [], graderInfo: "Look for X." },
  ];
  const files = [{ name: "lens.png", contentType: "image/png", data: png }];

  it("exports a QTI 3.0 package that reads back as the same questions, images, categories and tags", () => {
    const { zip, skipped } = exportQti3Package(questions, files);
    expect(skipped).toEqual([]);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toContain("imsmanifest.xml");
    expect(Object.keys(entries)).toContain("items/media/lens.png");
    expect(new TextDecoder().decode(entries["imsmanifest.xml"])).toContain('type="imsqti_item_xmlv3p0"');
    expect(new TextDecoder().decode(entries["items/item-0001.xml"])).toContain("<qti-choice-interaction");
    const back = parseQtiPackage(zip, "export.zip");
    expect(back.problems).toEqual([]);
    expect(back.questions).toEqual(questions);
    expect(back.files).toEqual(files);
  });

  it("reads back a package of as many questions as an import takes (an item file each, and the manifest)", () => {
    const many: PortableQuestion[] = Array.from({ length: importLimits.questions }, (_, i) => ({
      type: "true_false",
      name: `Q${i}`,
      text: `Statement ${i}.`,
      points: 1,
      explanation: "",
      category: [],
      tags: [],
      answer: i % 2 === 0,
      feedbackTrue: "",
      feedbackFalse: "",
    }));
    const back = parseQtiPackage(exportQti3Package(many).zip, "big.zip");
    expect(back.problems).toEqual([]);
    expect(back.questions).toHaveLength(importLimits.questions);
    // 2,000 items take a few seconds of one core: room for a loaded machine, not a speed check.
  }, 60_000);
});
