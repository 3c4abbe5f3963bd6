// fast-xml-parser gives no element positions, so each question's line is found
// in the source: the start tags of <question> elements directly inside the
// root, in document order, which is the order the parser lists them in.
// CDATA, comments and processing instructions are stepped over whole, so a
// question text that mentions "<question" is not counted.

const tokenSource = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([^\s/>!?]+)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;

/** The 1-based line of each <question> child of the root element. */
export function questionStartLines(xml: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let counted = 0;
  const tokenPattern = new RegExp(tokenSource.source, "g");
  for (let match = tokenPattern.exec(xml); match !== null; match = tokenPattern.exec(xml)) {
    const [, closing, name, selfClosing] = match;
    if (name === undefined) continue;
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 1 && name === "question") {
      for (let index = counted; index < match.index; index++) if (xml.charCodeAt(index) === 10) line++;
      counted = match.index;
      lines.push(line);
    }
    if (!selfClosing) depth++;
  }
  return lines;
}
