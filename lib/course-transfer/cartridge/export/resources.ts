// What the exporter collects before anything is written: the resources the
// manifest lists and the documents (pages and XML descriptors) they are made of.
// The type strings are Common Cartridge 1.3's own (its imscp profile schema).

export const resourceTypes = {
  webContent: "webcontent",
  webLink: "imswl_xmlv1p3",
  discussionTopic: "imsdt_xmlv1p3",
  assessment: "imsqti_xmlv1p2/imscc_xmlv1p3/assessment",
  questionBank: "imsqti_xmlv1p2/imscc_xmlv1p3/question-bank",
  assignment: "assignment_xmlv1p0",
} as const;

export type ResourceType = (typeof resourceTypes)[keyof typeof resourceTypes];

export interface CartridgeResource {
  identifier: string;
  type: ResourceType;
  /** The entry point; every file of the resource is also listed in `files`. */
  href: string;
  files: string[];
  /** Identifiers of the resources (files) its pages or descriptors refer to. */
  dependencies: string[];
}

/** A page or descriptor the exporter wrote, held until the package is written. */
export interface CartridgeDocument {
  path: string;
  content: string;
}
