// What makes a release rule impossible to write: a condition naming something
// outside the course, an item waiting for itself (or for its own module, or a
// module for its own contents), a score on a task without points, and rules
// that wait on each other in a loop so none of them could ever open. Pure: the
// rule editor's action, the API and the course document check use it alike.
import type { ReleaseItemKind, ReleaseItemRef, ReleaseRule } from "./release-rule";

export interface OutlineModule {
  id: string;
  title: string;
  rule: ReleaseRule | null;
}
export interface OutlineLesson {
  id: string;
  moduleId: string;
  title: string;
  rule: ReleaseRule | null;
}
export interface OutlineTask {
  id: string;
  /** Null (or a module not in the outline): the task stands outside any module. */
  moduleId: string | null;
  title: string;
  rule: ReleaseRule | null;
  /** Only published tasks count towards their module being completed. */
  published: boolean;
  maxPoints: number | null;
}

/** A course's items with their rules, as far as the checks need them. */
export interface RuleOutline {
  modules: readonly OutlineModule[];
  lessons: readonly OutlineLesson[];
  tasks: readonly OutlineTask[];
}

/** A problem with one condition (`conditions.<i>.item`, `conditions.<i>.taskId`) or with the rule as a whole (`conditions`). */
export interface RuleProblem {
  path: string;
  message: string;
}

export const kindNouns: Record<ReleaseItemKind, string> = { module: "module", lesson: "lesson", task: "task" };

interface Indexed {
  modules: Map<string, OutlineModule>;
  lessons: Map<string, OutlineLesson>;
  tasks: Map<string, OutlineTask>;
}

function index(outline: RuleOutline): Indexed {
  return {
    modules: new Map(outline.modules.map((entry) => [entry.id, entry])),
    lessons: new Map(outline.lessons.map((entry) => [entry.id, entry])),
    tasks: new Map(outline.tasks.map((entry) => [entry.id, entry])),
  };
}

const lookup = (indexed: Indexed, ref: ReleaseItemRef) =>
  ref.kind === "module" ? indexed.modules.get(ref.id) : ref.kind === "lesson" ? indexed.lessons.get(ref.id) : indexed.tasks.get(ref.id);

/** The module an item sits in, or null for a module and a task outside any module. */
function moduleOf(indexed: Indexed, ref: ReleaseItemRef): string | null {
  if (ref.kind === "lesson") return indexed.lessons.get(ref.id)?.moduleId ?? null;
  if (ref.kind === "task") {
    const moduleId = indexed.tasks.get(ref.id)?.moduleId ?? null;
    return moduleId && indexed.modules.has(moduleId) ? moduleId : null;
  }
  return null;
}

/** “Title”, with what it is: `lesson “Forces”`; a missing item is named as such. */
export function itemName(outline: RuleOutline | Indexed, ref: ReleaseItemRef): string {
  const indexed = "get" in outline.modules ? (outline as Indexed) : index(outline as RuleOutline);
  const found = lookup(indexed, ref);
  return found ? `${kindNouns[ref.kind]} “${found.title}”` : `a deleted ${kindNouns[ref.kind]}`;
}

/**
 * Everything wrong with giving `item` the rule `rule` in the outline, each
 * next to the condition it is about. Empty when the rule can be saved.
 */
export function ruleProblems(outline: RuleOutline, item: ReleaseItemRef, rule: ReleaseRule): RuleProblem[] {
  const indexed = index(outline);
  const problems: RuleProblem[] = [];
  const ownModule = moduleOf(indexed, item);
  const insideItem = (ref: ReleaseItemRef) => item.kind === "module" && ref.kind !== "module" && moduleOf(indexed, ref) === item.id;

  rule.conditions.forEach((condition, i) => {
    if (condition.kind === "completed") {
      const ref = condition.item;
      const path = `conditions.${i}.item`;
      if (!lookup(indexed, ref)) problems.push({ path, message: `There is no such ${kindNouns[ref.kind]} in this course.` });
      else if (ref.kind === item.kind && ref.id === item.id) problems.push({ path, message: `A ${kindNouns[item.kind]} cannot wait for itself to be completed.` });
      else if (ref.kind === "module" && ref.id === ownModule)
        problems.push({ path, message: `A ${kindNouns[item.kind]} cannot wait for its own module: the module is completed only after its lessons and tasks.` });
      else if (insideItem(ref)) problems.push({ path, message: "A module cannot wait for its own lessons and tasks: they open only with the module." });
    }
    if (condition.kind === "score") {
      const ref: ReleaseItemRef = { kind: "task", id: condition.taskId };
      const path = `conditions.${i}.taskId`;
      const task = indexed.tasks.get(condition.taskId);
      if (!task) problems.push({ path, message: "There is no such quiz or task in this course." });
      else if (!task.maxPoints || task.maxPoints <= 0) problems.push({ path, message: `“${task.title}” has no points, so it has no score: choose a quiz or a task with points.` });
      else if (item.kind === "task" && item.id === task.id) problems.push({ path, message: "A task cannot wait for its own score." });
      else if (insideItem(ref)) problems.push({ path, message: "A module cannot wait for a score on its own quiz: the quiz opens only with the module." });
    }
  });
  if (problems.length > 0) return problems;

  const cycle = findCycle(withRule(outline, item, rule), item);
  if (cycle) problems.push({ path: "conditions", message: cycleMessage(outline, cycle) });
  return problems;
}

/** The outline with one item's rule replaced, as it would be after saving. */
export function withRule(outline: RuleOutline, item: ReleaseItemRef, rule: ReleaseRule | null): RuleOutline {
  const swap = <T extends { id: string; rule: ReleaseRule | null }>(list: readonly T[], kind: ReleaseItemKind) =>
    item.kind === kind ? list.map((entry) => (entry.id === item.id ? { ...entry, rule } : entry)) : list;
  return { modules: swap(outline.modules, "module"), lessons: swap(outline.lessons, "lesson"), tasks: swap(outline.tasks, "task") };
}

// The graph a loop is looked for in. A lesson or task is one node (it can be
// done once it is open); a module is two, opening and completion, since its
// contents wait for it to open and its completion waits for its contents.
type NodeKey = string;
const moduleOpen = (id: string) => `module-open:${id}`;
const moduleDone = (id: string) => `module-done:${id}`;
const nodeOfItem = (ref: ReleaseItemRef): NodeKey => (ref.kind === "module" ? moduleOpen(ref.id) : `${ref.kind}:${ref.id}`);

function refOfNode(node: NodeKey): ReleaseItemRef {
  const [kind, id] = node.split(":") as [string, string];
  return { kind: kind.startsWith("module") ? "module" : (kind as ReleaseItemKind), id };
}

function successors(indexed: Indexed, childrenOf: Map<string, NodeKey[]>) {
  const ruleEdges = (rule: ReleaseRule | null): NodeKey[] =>
    (rule?.conditions ?? []).flatMap((condition) => {
      if (condition.kind === "completed") {
        const ref = condition.item;
        if (!lookup(indexed, ref)) return [];
        return [ref.kind === "module" ? moduleDone(ref.id) : `${ref.kind}:${ref.id}`];
      }
      if (condition.kind === "score") return indexed.tasks.has(condition.taskId) ? [`task:${condition.taskId}`] : [];
      return [];
    });
  return (node: NodeKey): NodeKey[] => {
    const [kind, id] = node.split(":") as [string, string];
    if (kind === "module-open") return ruleEdges(indexed.modules.get(id)?.rule ?? null);
    if (kind === "module-done") return childrenOf.get(id) ?? [];
    const ref: ReleaseItemRef = { kind: kind as ReleaseItemKind, id };
    const own = moduleOf(indexed, ref);
    const entry = lookup(indexed, ref);
    return [...ruleEdges(entry?.rule ?? null), ...(own ? [moduleOpen(own)] : [])];
  };
}

/**
 * A loop of waiting (each item of the list waits for the next, the last for
 * the first), or null. With `through`, only a loop passing through that item
 * (the one being edited: a loop elsewhere is not its rule's fault); without,
 * any loop of the course.
 */
export function findCycle(outline: RuleOutline, through?: ReleaseItemRef): ReleaseItemRef[] | null {
  const indexed = index(outline);
  const childrenOf = new Map<string, NodeKey[]>();
  for (const lesson of outline.lessons) if (indexed.modules.has(lesson.moduleId)) (childrenOf.get(lesson.moduleId) ?? childrenOf.set(lesson.moduleId, []).get(lesson.moduleId)!).push(`lesson:${lesson.id}`);
  for (const task of outline.tasks) {
    if (!task.published || !task.moduleId || !indexed.modules.has(task.moduleId)) continue;
    (childrenOf.get(task.moduleId) ?? childrenOf.set(task.moduleId, []).get(task.moduleId)!).push(`task:${task.id}`);
  }
  const next = successors(indexed, childrenOf);

  const starts: NodeKey[] = through
    ? [nodeOfItem(through)]
    : [
        ...outline.modules.flatMap((entry) => [moduleOpen(entry.id), moduleDone(entry.id)]),
        ...outline.lessons.map((entry) => `lesson:${entry.id}`),
        ...outline.tasks.map((entry) => `task:${entry.id}`),
      ];
  // Iterative depth-first search (a course can have thousands of items): grey nodes are on the current path.
  const state = new Map<NodeKey, "grey" | "black">();
  for (const start of starts) {
    if (state.has(start)) continue;
    const path: NodeKey[] = [start];
    const pending: NodeKey[][] = [next(start)];
    state.set(start, "grey");
    while (path.length > 0) {
      const options = pending[pending.length - 1]!;
      const candidate = options.pop();
      if (candidate === undefined) {
        state.set(path.pop()!, "black");
        pending.pop();
        continue;
      }
      const seen = state.get(candidate);
      if (seen === "grey" && (!through || candidate === start)) return collapse(path.slice(path.indexOf(candidate)));
      if (seen) continue;
      state.set(candidate, "grey");
      path.push(candidate);
      pending.push(next(candidate));
    }
  }
  return null;
}

/** The loop as items, a module's opening and completion read as the module once. */
function collapse(nodes: NodeKey[]): ReleaseItemRef[] {
  const refs: ReleaseItemRef[] = [];
  for (const ref of nodes.map(refOfNode)) {
    const last = refs[refs.length - 1];
    if (!last || last.kind !== ref.kind || last.id !== ref.id) refs.push(ref);
  }
  const first = refs[0];
  const last = refs[refs.length - 1];
  if (refs.length > 1 && first && last && first.kind === last.kind && first.id === last.id) refs.pop();
  return refs;
}

/** “A waits for B, which waits for A”, naming every item of the loop. */
export function cycleMessage(outline: RuleOutline, cycle: readonly ReleaseItemRef[]): string {
  const indexed = index(outline);
  const names = [...cycle, cycle[0]!].map((ref) => itemName(indexed, ref));
  const [first, ...rest] = names;
  return `These conditions wait on each other in a loop, so nothing in it could ever open: ${first} waits for ${rest.join(", which waits for ")}.`;
}
