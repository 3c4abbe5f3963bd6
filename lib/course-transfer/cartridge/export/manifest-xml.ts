import type { CartridgeResource } from "./resources";
import { element, xmlDocument, type XmlMarkup } from "./xml";

// imsmanifest.xml of a Common Cartridge 1.3: the course's LOM title and
// description, one organization (the course outline: modules as folders
// holding their lessons and tasks in order) and every resource with its
// files and the resources it depends on.

export const cartridgeNamespace = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1";
const lomResource = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource";
const lomManifest = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest";
const schemaLocation = [
  `${cartridgeNamespace} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd`,
  `${lomResource} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd`,
  `${lomManifest} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd`,
].join(" ");

export interface OrganizationItem {
  identifier: string;
  title: string;
  /** The resource it opens; a folder (a module) has none. */
  identifierref?: string;
  children: OrganizationItem[];
}

export interface CartridgeDescription {
  /** The manifest's, its organization's and the organization's root item's identifiers. */
  identifier: string;
  organization: string;
  root: string;
  title: string;
  description: string;
  keywords: string[];
}

const langString = (tag: string, value: string) => element(tag, {}, element("lomimscc:string", {}, value));

function metadata({ title, description, keywords }: CartridgeDescription): XmlMarkup {
  return element(
    "metadata",
    {},
    element("schema", {}, "IMS Common Cartridge"),
    element("schemaversion", {}, "1.3.0"),
    element(
      "lomimscc:lom",
      {},
      element(
        "lomimscc:general",
        {},
        langString("lomimscc:title", title),
        description.trim() ? langString("lomimscc:description", description) : null,
        keywords.map((keyword) => langString("lomimscc:keyword", keyword)),
      ),
    ),
  );
}

const item = ({ identifier, title, identifierref, children }: OrganizationItem): XmlMarkup =>
  element("item", { identifier, identifierref }, element("title", {}, title), children.map(item));

function organizations({ organization, root }: CartridgeDescription, items: readonly OrganizationItem[]): XmlMarkup {
  if (items.length === 0) return element("organizations");
  return element("organizations", {}, element("organization", { identifier: organization, structure: "rooted-hierarchy" }, element("item", { identifier: root }, items.map(item))));
}

const resource = ({ identifier, type, href, files, dependencies }: CartridgeResource): XmlMarkup =>
  element(
    "resource",
    { identifier, type, href },
    files.map((file) => element("file", { href: file })),
    dependencies.filter((dependency) => dependency !== identifier).map((dependency) => element("dependency", { identifierref: dependency })),
  );

export function manifestXml(description: CartridgeDescription, items: readonly OrganizationItem[], resources: readonly CartridgeResource[]): string {
  return xmlDocument(
    element(
      "manifest",
      {
        identifier: description.identifier,
        xmlns: cartridgeNamespace,
        "xmlns:lom": lomResource,
        "xmlns:lomimscc": lomManifest,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": schemaLocation,
      },
      metadata(description),
      organizations(description, items),
      element("resources", {}, resources.map(resource)),
    ),
  );
}
