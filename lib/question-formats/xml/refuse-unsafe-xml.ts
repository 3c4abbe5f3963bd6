// Question files never need a document type: Moodle XML and QTI are plain
// elements. A DOCTYPE is where external entities (XXE: reading server files,
// fetching URLs) and entity expansion bombs live, so a file that declares one is
// refused before any parser sees it, whatever the parser's own settings.

const doctypePattern = /<!DOCTYPE|<!ENTITY/i;

/** The reason an XML text is refused, or null when it may be parsed. */
export function unsafeXmlReason(xml: string): string | null {
  if (doctypePattern.test(xml)) return "The file declares a document type or entities (<!DOCTYPE …>), which question files never need; remove it and import again.";
  return null;
}
