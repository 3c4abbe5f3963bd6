import { element, xmlDocument } from "./xml";
import { webLinkPath } from "./package-paths";
import { resourceTypes, type CartridgeDocument, type CartridgeResource } from "./resources";

// A link lesson (and a video lesson that plays from a provider's address) is
// a CC 1.3 web link: a title and the address, opened in a new window as the
// site opens links elsewhere.

const namespace = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3";
const schemaLocation = `${namespace} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd`;

export function webLinkXml(title: string, url: string): string {
  return xmlDocument(
    element(
      "webLink",
      { xmlns: namespace, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": schemaLocation },
      element("title", {}, title),
      element("url", { href: url, target: "_blank" }),
    ),
  );
}

export function webLinkContent(identifier: string, title: string, url: string): { resource: CartridgeResource; document: CartridgeDocument } {
  const path = webLinkPath(identifier);
  return {
    resource: { identifier, type: resourceTypes.webLink, href: path, files: [path], dependencies: [] },
    document: { path, content: webLinkXml(title, url) },
  };
}
