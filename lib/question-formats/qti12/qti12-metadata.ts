import { child, childrenNamed, descendants, textContent, type XmlElement } from "../qti/xml-tree";

// QTI 1.2 keeps its settings as label/entry pairs (<qtimetadatafield>): the
// Common Cartridge profile (cc_profile, cc_weighting, qmd_timelimit,
// cc_maxattempts) and Canvas (question_type, points_possible, bank_title)
// both write them so. Labels are compared without case, as Moodle does.

/** The element's own metadata fields (under <qtimetadata> or <itemmetadata><qtimetadata>), label lower-cased to entry. */
export function metadataOf(element: XmlElement): Map<string, string> {
  const fields = new Map<string, string>();
  const holders = [...childrenNamed(element, "qtimetadata"), ...childrenNamed(element, "itemmetadata").flatMap((meta) => childrenNamed(meta, "qtimetadata"))];
  for (const holder of holders) {
    for (const field of descendants(holder, "qtimetadatafield")) {
      const label = textContent(child(field, "fieldlabel") ?? field).trim().toLowerCase();
      if (label && !fields.has(label)) fields.set(label, textContent(child(field, "fieldentry") ?? field).trim());
    }
  }
  return fields;
}

/** A positive number from a metadata entry, or undefined. */
export function positiveNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) && number > 0 ? number : undefined;
}
