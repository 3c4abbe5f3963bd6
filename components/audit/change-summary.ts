// An audit entry's before/after as a reader wants it: only the keys that
// changed, each value written compactly. Pure, so it is unit-tested.

export interface ChangedKey {
  key: string;
  before: string | null;
  after: string | null;
}

const maxValueLength = 120;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A value as short text: strings as they are, the rest as JSON, long ones cut. Null/undefined → null. */
export function formatValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

/**
 * The keys whose values differ between before and after, in key order. Two
 * objects are compared key by key; anything else (a plain value, an array, one
 * side missing) is compared as a whole, under the key "value", or key by key
 * against nothing when only one side is an object.
 */
export function changedKeys(before: unknown, after: unknown): ChangedKey[] {
  const beforeRecord = isRecord(before) ? before : before === null || before === undefined ? {} : null;
  const afterRecord = isRecord(after) ? after : after === null || after === undefined ? {} : null;
  if (beforeRecord === null || afterRecord === null) {
    const b = formatValue(before);
    const a = formatValue(after);
    return b === a ? [] : [{ key: "value", before: b, after: a }];
  }
  const keys = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])].sort();
  return keys
    .map((key) => ({ key, before: formatValue(beforeRecord[key]), after: formatValue(afterRecord[key]) }))
    .filter((change) => change.before !== change.after);
}
