// Moodle (3.6 and later) reads a question's tags from the comment lines of its
// block: `// [tag:algebra] [tag:week 3]`, with `\]` for a bracket inside a tag.
// `[id:…]` is Moodle's ID number, which the bank has no place for.

const opening = "[tag:";

function tagsInLine(line: string): string[] {
  const tags: string[] = [];
  let at = line.indexOf(opening);
  while (at !== -1) {
    let tag = "";
    let i = at + opening.length;
    let closed = false;
    for (; i < line.length; i++) {
      if (line[i] === "\\" && line[i + 1] === "]") {
        tag += "]";
        i++;
      } else if (line[i] === "]") {
        closed = true;
        break;
      } else tag += line[i];
    }
    if (closed && tag.trim() !== "") tags.push(tag.trim());
    at = line.indexOf(opening, i);
  }
  return tags;
}

/** The tags named in a block's comments, in order, each once. */
export function readTags(comments: string[]): string[] {
  return [...new Set(comments.flatMap(tagsInLine))];
}

/** The comment line that carries the tags, or null when there are none. */
export function writeTagsComment(tags: string[]): string | null {
  const written = tags
    .map((tag) => tag.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
    .filter((tag) => tag !== "")
    .map((tag) => `[tag:${tag.replace(/]/g, "\\]")}]`);
  return written.length > 0 ? `// ${written.join(" ")}` : null;
}
