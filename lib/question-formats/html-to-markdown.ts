import TurndownService from "turndown";

// Question text from Moodle and QTI is HTML; the bank keeps Markdown. LaTeX
// (\( \), \[ \], $$ $$) passes through untouched: turndown would escape its
// backslashes and brackets, so formulas stand aside behind placeholders while
// the HTML is converted.

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", emDelimiter: "*" });
const mathPattern = /\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]|\$\$[\s\S]*?\$\$/g;

export function htmlToMarkdown(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const formulas: string[] = [];
  const guarded = html.replace(mathPattern, (formula) => {
    formulas.push(formula);
    return `JEEVIMATH${formulas.length - 1}X`;
  });
  return turndown
    .turndown(guarded)
    .trim()
    .replace(/JEEVIMATH(\d+)X/g, (_, n: string) => formulas[Number(n)] ?? "");
}

/** Plain text made safe from Markdown's reading: its marks are escaped. */
export const plainToMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#])/g, "\\$1").trim();
