import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { describeSchema, operationsByTag, readableSchema, tagAnchor } from "@/lib/api/openapi-view";

const document = buildOpenApiDocument();
const operations = operationsByTag(document).flatMap((tag) => tag.operations);
const operation = (operationId: string) => operations.find((candidate) => candidate.operationId === operationId)!;

describe("operationsByTag", () => {
  it("shows every operation of the document once, under its tag", () => {
    const inDocument = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((op) => (op as { operationId: string }).operationId),
    );
    expect(operations.map((op) => op.operationId).sort()).toEqual(inDocument.sort());
    for (const tag of operationsByTag(document)) {
      for (const op of tag.operations) expect(document.paths[op.path]![op.method.toLowerCase()]).toMatchObject({ tags: [tag.name] });
    }
  });

  it("resolves shared parameters and reads who may call", () => {
    const list = operation("listCourses");
    expect(list.public).toBe(true);
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      "query:q",
      "query:subject",
      "query:sort",
      "query:cursor",
      "query:limit",
      "header:If-None-Match",
    ]);
    expect(list.parameters.find((p) => p.name === "limit")).toMatchObject({ required: false, type: "integer, 1 to 100, default 20" });
    expect(list.parameters.find((p) => p.name === "sort")!.type).toBe('one of "title", "newest", default "title"');
    expect(list.responses.map((r) => r.status)).toEqual(["200", "304"]);
    expect(list.errors.map((r) => r.status)).toEqual(["401", "422", "429", "500"]);

    const read = operation("markNotificationRead");
    expect(read.public).toBe(false);
    expect(read.method).toBe("POST");
    expect(read.parameters).toEqual([
      { name: "notificationId", in: "path", required: true, description: "The notification's id.", type: "integer, positive" },
    ]);
    expect(read.requestBody).toBeNull();
    expect(read.errors.map((r) => r.status)).toContain("404");
  });
});

describe("readableSchema", () => {
  it("drops the patterns next to a format and the bounds every whole number has, but keeps properties of any name", () => {
    expect(
      readableSchema({
        type: "object",
        properties: {
          id: { type: "string", format: "uuid", pattern: "^…$" },
          count: { type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
          code: { type: "string", pattern: "^[A-Z]+$" },
          pattern: { type: "string" },
        },
      }),
    ).toEqual({
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" },
        count: { type: "integer" },
        code: { type: "string", pattern: "^[A-Z]+$" },
        pattern: { type: "string" },
      },
    });
  });

  it("reads a parameter's schema in a few words", () => {
    expect(describeSchema({ type: "string", format: "uuid" })).toBe("string (uuid)");
    expect(describeSchema({ type: "string", maxLength: 200, default: "" })).toBe("string, at most 200 characters");
    expect(describeSchema({ type: "string", enum: ["true", "false"] })).toBe('one of "true", "false"');
    expect(tagAnchor("Quiz attempts")).toBe("tag-quiz-attempts");
  });
});
