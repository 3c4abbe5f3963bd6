import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contractKey, defineContract } from "@/lib/api/contract";
import { apiContracts } from "@/lib/api/contracts";
import { buildOpenApiDocument } from "@/lib/api/openapi";

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("validates against the OpenAPI 3.1 schema", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("is checked by a validator that does refuse a broken document", async () => {
    const broken = structuredClone(document) as { info: Partial<typeof document.info>; paths: Record<string, unknown> };
    delete broken.info.title;
    broken.paths["/api/v1/me"] = { get: { responses: "none" } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("lists every endpoint, once, under its method and path", () => {
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(apiContracts.map(contractKey).sort());
    const operationIds = apiContracts.map((contract) => contract.operationId);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it("documents path parameters as required, query parameters with their defaults, and the problem answers", () => {
    const getCourse = document.paths["/api/v1/courses/{courseId}"]!.get as {
      parameters: { name: string; in: string; required: boolean }[];
      responses: Record<string, unknown>;
    };
    expect(getCourse.parameters).toContainEqual(expect.objectContaining({ name: "courseId", in: "path", required: true }));
    expect(Object.keys(getCourse.responses)).toEqual(expect.arrayContaining(["200", "304", "401", "404", "429", "500"]));
    const listCourses = document.paths["/api/v1/courses"]!.get as { parameters: { name: string; required: boolean; schema: { default?: unknown } }[] };
    const limit = listCourses.parameters.find((parameter) => parameter.name === "limit")!;
    expect(limit).toMatchObject({ required: false, schema: { default: 20, maximum: 100 } });
  });

  it("asks for a token on private endpoints and allows none on public ones", () => {
    const me = document.paths["/api/v1/me"]!.get as { security: object[] };
    expect(me.security).not.toContainEqual({});
    const courses = document.paths["/api/v1/courses"]!.get as { security: object[] };
    expect(courses.security).toContainEqual({});
  });

  it("describes request bodies and idempotency from the contract", () => {
    const contract = defineContract({
      method: "POST",
      path: "/api/v1/things",
      operationId: "createThing",
      tag: "Things",
      summary: "Create a thing",
      description: "For the test.",
      access: "user",
      body: z.object({ name: z.string().min(1).max(10) }),
      response: z.object({ id: z.uuid() }),
      successStatus: 201,
      idempotent: true,
      errors: [422],
    });
    const operation = buildOpenApiDocument([contract]).paths["/api/v1/things"]!.post as {
      requestBody: { content: { "application/json": { schema: { properties: object; required: string[] } } } };
      parameters: object[];
      responses: Record<string, unknown>;
    };
    expect(operation.requestBody.content["application/json"].schema).toMatchObject({
      properties: { name: { type: "string", minLength: 1, maxLength: 10 } },
      required: ["name"],
    });
    expect(operation.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["201", "422"]));
    expect(Object.keys(operation.responses)).not.toContain("304");
  });
});
