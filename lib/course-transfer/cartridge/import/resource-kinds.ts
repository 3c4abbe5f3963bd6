// The Common Cartridge resource types, 1.0 to 1.3 (the version is part of
// the name: imswl_xmlv1p1, imswl_xmlv1p3), and what each becomes here.

export type ResourceKind = "webcontent" | "weblink" | "discussion" | "assessment" | "questionBank" | "lti" | "associated" | "assignment" | "unknown";

export function resourceKind(type: string): ResourceKind {
  const name = type.trim().toLowerCase();
  if (name === "webcontent") return "webcontent";
  if (/^imswl_xmlv1p\d$/.test(name)) return "weblink";
  if (/^imsdt_xmlv1p\d$/.test(name)) return "discussion";
  if (/^imsqti_xmlv1p\d\/imscc_xmlv1p\d\/question-bank$/.test(name)) return "questionBank";
  // Canvas's QTI-only export types an assessment as just imsqti_xmlv1p2.
  if (/^imsqti_xmlv1p\d(\/imscc_xmlv1p\d\/assessment)?$/.test(name)) return "assessment";
  if (/^imsbasiclti_xmlv1p\d$/.test(name)) return "lti";
  if (/^associatedcontent\/imscc_xmlv1p\d\/learning-application-resource$/.test(name)) return "associated";
  if (name === "assignment_xmlv1p0") return "assignment";
  return "unknown";
}
