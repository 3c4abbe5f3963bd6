// `$CATEGORY: $course$/top/Algebra/Linear` puts the questions after it into a
// category path. Moodle writes a `/` inside a name as `//`, and starts paths
// with the context (`$course$`, `$system$`…) and the invisible "top"
// category; neither is a category the teacher made, so both are dropped.

export const categoryPrefix = "$CATEGORY:";

const context = /^\$[a-z]+\$$/i;

/** Splits at single slashes; `//` is a slash inside a name. */
function splitPath(path: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < path.length; i++) {
    if (path[i] !== "/") current += path[i];
    else if (path[i + 1] === "/") {
      current += "/";
      i++;
    } else {
      parts.push(current);
      current = "";
    }
  }
  parts.push(current);
  return parts;
}

/** The category path a `$CATEGORY:` line names, outermost first. */
export function readCategoryLine(line: string): string[] {
  const parts = splitPath(line.slice(categoryPrefix.length).trim())
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts[0] !== undefined && context.test(parts[0])) parts.shift();
  if (parts[0]?.toLowerCase() === "top") parts.shift();
  return parts;
}

/** The `$CATEGORY:` line for a path, under the course's top category as Moodle writes it. */
export function writeCategoryLine(path: string[]): string {
  const names = path.map((name) => name.replace(/[\u0000-\u001f\u007f]/g, " ").trim().replace(/\//g, "//")).filter((name) => name !== "");
  return `${categoryPrefix} ${["$course$", "top", ...names].join("/")}`;
}
