import type { buildOpenApiDocument } from "./openapi";

// The OpenAPI document as the API page (/developers/api) shows it to people:
// operations grouped by tag, parameters resolved, schemas made readable. Pure,
// so the page renders exactly what /api/v1/openapi.json says.

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
type JsonObject = Record<string, unknown>;

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  description: string;
  /** A short reading of the schema: "integer, 1 to 100, default 20". */
  type: string;
}

export interface ResponseView {
  status: string;
  description: string;
  schema: JsonObject | null;
}

export interface OperationView {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  /** Markdown. */
  description: string;
  /** Whether a guest may call it too; otherwise a token or a sign-in is needed. */
  public: boolean;
  parameters: ParameterView[];
  requestBody: JsonObject | null;
  /** The 2xx and 304 answers. */
  responses: ResponseView[];
  /** The problem answers (4xx, 5xx). */
  errors: ResponseView[];
}

export interface TagView {
  name: string;
  /** For links: "Notifications" → "tag-notifications". */
  anchor: string;
  operations: OperationView[];
}

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

export const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;

/** Follows a local "#/components/…" reference. */
function resolve(document: OpenApiDocument, value: unknown): JsonObject {
  if (!isObject(value) || typeof value.$ref !== "string") return isObject(value) ? value : {};
  let target: unknown = document;
  for (const part of value.$ref.replace(/^#\//, "").split("/")) target = isObject(target) ? target[part] : undefined;
  return isObject(target) ? target : {};
}

const safeBound = Number.MAX_SAFE_INTEGER;

/**
 * The schema without what only a validator needs: the long regular
 * expressions zod writes next to a format (uuid, date-time), and the bounds
 * every whole number has anyway.
 */
export function readableSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(readableSchema);
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "pattern" && typeof schema.format === "string") continue;
    if ((key === "minimum" && value === -safeBound) || (key === "maximum" && value === safeBound)) continue;
    // Properties and definitions are maps of names, not schemas: keep their keys, read their values.
    out[key] = key === "properties" && isObject(value) ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, readableSchema(s)])) : readableSchema(value);
  }
  return out;
}

/** A parameter's schema in a few words. */
export function describeSchema(schema: JsonObject): string {
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`);
  else {
    const type = typeof schema.type === "string" ? schema.type : "any";
    parts.push(typeof schema.format === "string" ? `${type} (${schema.format})` : type);
  }
  const min = schema.minimum ?? schema.minLength;
  const max = schema.maximum ?? schema.maxLength;
  const unit = schema.type === "string" ? " characters" : "";
  if (typeof schema.exclusiveMinimum === "number" && schema.exclusiveMinimum === 0) parts.push("positive");
  if (typeof min === "number" && typeof max === "number" && max !== safeBound) parts.push(`${min} to ${max}${unit}`);
  else if (typeof max === "number" && max !== safeBound) parts.push(`at most ${max}${unit}`);
  else if (typeof min === "number" && min !== -safeBound) parts.push(`at least ${min}${unit}`);
  if (schema.default !== undefined && schema.default !== "") parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

function jsonSchemaOfContent(document: OpenApiDocument, holder: unknown): JsonObject | null {
  const content = resolve(document, holder).content;
  if (!isObject(content)) return null;
  const media = Object.values(content)[0];
  return isObject(media) && isObject(media.schema) ? (readableSchema(resolve(document, media.schema)) as JsonObject) : null;
}

function operationView(document: OpenApiDocument, path: string, method: string, operation: JsonObject): OperationView {
  const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map((raw): ParameterView => {
    const parameter = resolve(document, raw);
    return {
      name: String(parameter.name ?? ""),
      in: String(parameter.in ?? ""),
      required: parameter.required === true,
      description: typeof parameter.description === "string" ? parameter.description : "",
      type: describeSchema(isObject(parameter.schema) ? parameter.schema : {}),
    };
  });
  const responses: ResponseView[] = [];
  const errors: ResponseView[] = [];
  for (const [status, raw] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
    const response = resolve(document, raw);
    const view = { status, description: String(response.description ?? ""), schema: jsonSchemaOfContent(document, response) };
    (Number(status) >= 400 ? errors : responses).push(view);
  }
  const security = Array.isArray(operation.security) ? operation.security : [];
  return {
    operationId: String(operation.operationId),
    method: method.toUpperCase(),
    path,
    summary: String(operation.summary ?? ""),
    description: String(operation.description ?? ""),
    public: security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0),
    parameters,
    requestBody: operation.requestBody ? jsonSchemaOfContent(document, operation.requestBody) : null,
    responses,
    errors,
  };
}

/** Every operation of the document, grouped by its first tag, in the document's order of tags. */
export function operationsByTag(document: OpenApiDocument): TagView[] {
  const groups = new Map<string, OperationView[]>(document.tags.map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation)) continue;
      const tag = Array.isArray(operation.tags) && typeof operation.tags[0] === "string" ? operation.tags[0] : "Other";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push(operationView(document, path, method, operation));
    }
  }
  return [...groups]
    .filter(([, operations]) => operations.length > 0)
    .map(([name, operations]) => ({ name, anchor: tagAnchor(name), operations }));
}
