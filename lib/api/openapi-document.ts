import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ZApiError, ZIdParam } from "./contract";
import { API_OPERATIONS, type ApiOperation } from "./operations";

/**
 * The OpenAPI 3.1 document of /api/v1/, generated from the operations table and its zod schemas
 * (zod-openapi: docs/decisions.md, "The API's contract"), so what the document says is what the
 * handlers check. Built once per process: it depends on the code alone.
 */
let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= build();
  return cached;
}

const error = (description: string) => ({ description, content: { "application/json": { schema: ZApiError } } });

function operationObject(op: ApiOperation): ZodOpenApiOperationObject {
  const id = op.on ?? op.pathId;
  const takesInput = Boolean(op.body || op.query || id);
  const success =
    "file" in op.response
      ? { description: "The file", content: { [op.response.file]: { schema: z.string().meta({ format: "binary" }) } } }
      : { description: op.status === 201 ? "Created" : "OK", content: { "application/json": { schema: op.response } } };
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(id || op.query ? { requestParams: { ...(id ? { path: ZIdParam } : {}), ...(op.query ? { query: op.query } : {}) } } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
    responses: {
      [String(op.status)]: success,
      ...(takesInput ? { "400": error("A field is missing or not valid: `details` names each") } : {}),
      "401": error("No API token or staff session, or one that is no longer valid"),
      "403": error("Not allowed for this caller's role in the organisation"),
      ...(id ? { "404": error(`No such ${id} in the caller's organisation`) } : {}),
      ...(op.conflict ? { "409": error("The state does not allow it (e.g. a closed case, a cancelled meeting)") } : {}),
      "429": {
        ...error("Over the rate limit: try again after `Retry-After` seconds"),
        headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
      },
    },
  };
}

function build() {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of Object.values(API_OPERATIONS) as ApiOperation[]) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Stepwise API",
      version: "1.0.0",
      description:
        "The organisation's own systems reach Stepwise here: cases, meetings, invitations and agreements. " +
        "Authenticate with an API token (`Authorization: Bearer stw_…`, made with `npm run admin -- token:create`) or a staff session.",
    },
    servers: [{ url: "/" }],
    security: [{ apiToken: [] }, { staffSession: [] }],
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An organisation's API token" },
        staffSession: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "A signed-in staff member's session" },
      },
    },
    paths,
  });
}
