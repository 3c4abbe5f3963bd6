// The exchange formats the bank reads and writes, and how the pages name them.

export const importFormats = ["gift", "aiken", "moodle_xml", "qti"] as const;
export type ImportFormat = (typeof importFormats)[number];

export const exportFormats = ["gift", "moodle_xml", "qti3"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const importFormatLabels: Record<ImportFormat, string> = {
  gift: "GIFT (Moodle text format, .txt / .gift)",
  aiken: "Aiken (.txt)",
  moodle_xml: "Moodle XML (.xml)",
  qti: "IMS QTI 2.1 or 3.0 (.zip package or .xml item)",
};

export const exportFormatLabels: Record<ExportFormat, string> = {
  gift: "GIFT (.txt)",
  moodle_xml: "Moodle XML (.xml)",
  qti3: "IMS QTI 3.0 package (.zip)",
};
