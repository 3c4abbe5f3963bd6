import { topicPath } from "./package-paths";
import { resourceTypes, type CartridgeDocument, type CartridgeResource } from "./resources";
import { richTextHtml, type ReferenceTargets } from "./rich-text";
import { element, xmlDocument } from "./xml";

// A discussion (a graded discussion task, or a thread's opening post) is a
// CC 1.3 discussion topic: a title and the text that opens it. Files the
// text shows are referred to from it and listed as the topic's dependencies.

const namespace = "http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3";
const schemaLocation = `${namespace} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imsdt_v1p3.xsd`;

export function topicContent(
  identifier: string,
  title: string,
  markdown: string,
  targets: ReferenceTargets,
): { resource: CartridgeResource; document: CartridgeDocument; missing: string[] } {
  const path = topicPath(identifier);
  const text = richTextHtml(markdown, targets);
  const xml = xmlDocument(
    element(
      "topic",
      { xmlns: namespace, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": schemaLocation },
      element("title", {}, title),
      element("text", { texttype: "text/html" }, text.html),
    ),
  );
  return {
    resource: { identifier, type: resourceTypes.discussionTopic, href: path, files: [path], dependencies: text.dependencies },
    document: { path, content: xml },
    missing: text.missing,
  };
}
