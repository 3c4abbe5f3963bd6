import TurndownService from "turndown";
import { mapProse } from "./math-spans";

// GIFT's [html] text becomes Markdown, the one format the bank stores. Turndown
// escapes Markdown characters in the HTML's text, which would turn `\(x_1\)`
// into `\\(x\_1\\)`; its escaping is applied to the prose around math only.

let service: TurndownService | null = null;

function turndownService(): TurndownService {
  if (service) return service;
  const created = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "_" });
  const escapeProse = TurndownService.prototype.escape.bind(created);
  created.escape = (text: string) => mapProse(text, escapeProse);
  // Markdown has no subscript or superscript; the site's renderer lets these tags through, so H<sub>2</sub>O stays H₂O.
  created.keep(["sub", "sup"]);
  service = created;
  return created;
}

export function htmlToMarkdown(html: string): string {
  return turndownService().turndown(html).trim();
}
