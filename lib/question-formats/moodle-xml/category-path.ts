// Moodle writes a category as a path, "$course$/top/Physics/Kinematics": a
// context ($course$, $system$, $module$, $cat1$, $coursecategory$ …), its
// "top" category, then the names, a "/" inside a name doubled ("A//B" is
// the one name "A/B"). The bank's path is just the names, outermost first.

const contextPrefix = /^\$[a-z0-9_]*\$$/i;

/** Moodle's category path as the bank's names; [] for the top of a context. */
export function readCategoryPath(path: string): string[] {
  const names = path
    .replace(/\/\//g, "\u0000")
    .split("/")
    .map((name) => name.replace(/\u0000/g, "/").trim())
    .filter((name) => name !== "");
  if (names[0] !== undefined && contextPrefix.test(names[0])) names.shift();
  if (names[0]?.toLowerCase() === "top") names.shift();
  return names;
}

/** The bank's category as the path Moodle reads, in the course's own context. */
export const writeCategoryPath = (names: readonly string[]): string => ["$course$", "top", ...names.map((name) => name.replace(/\//g, "//"))].join("/");
