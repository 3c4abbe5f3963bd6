import { openApiContract } from "@/lib/api/contracts/core";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(openApiContract, async () => buildOpenApiDocument());
