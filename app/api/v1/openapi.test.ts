import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_OPERATIONS, type ApiOperation } from "@/lib/api/operations";
import { GET } from "./openapi.json/route";

/**
 * The OpenAPI document of /api/v1/: a valid OpenAPI 3.1 document; every route file under
 * app/api/v1/ is an operation of it and every operation has its route file; each route takes its
 * schemas from its own operation (so the document describes what the handler checks).
 */
const V1 = path.resolve(import.meta.dirname);
/**
 * v1 routes not (yet) in the operations table: the authority export is for the case's
 * participants, and the personal-data export for the employee alone (join-link sessions), which
 * apiRoute (tokens and staff) does not take. Listed here by name so any other route still fails
 * until it is an operation.
 */
const NOT_YET_OPERATIONS = new Set(["get /api/v1/agreements/{id}/export", "get /api/v1/me/export"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = V1, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) routeFiles(p, out);
    else if (name === "route.ts") out.push(p);
  }
  return out;
}

/** `app/api/v1/cases/[id]/meetings/route.ts` → `/api/v1/cases/{id}/meetings`. */
function pathOf(file: string): string {
  const rel = path.relative(V1, path.dirname(file)).split(path.sep).join("/");
  return `/api/v1/${rel}`.replace(/\[(\w+)\]/g, "{$1}");
}

/** Each method a route file exports, with the operation it passes to apiRoute. */
function exportsOf(file: string): { method: string; operation: string | null }[] {
  const src = readFileSync(file, "utf8");
  return METHODS.flatMap((m) => {
    const found = new RegExp(`export const ${m} = (\\w+)\\(\\s*(?:API_OPERATIONS\\.(\\w+))?`).exec(src);
    if (!found) return [];
    return [{ method: m.toLowerCase(), operation: found[1] === "apiRoute" ? (found[2] ?? null) : null }];
  });
}

async function documentOf(): Promise<{ paths: Record<string, Record<string, unknown>> } & Record<string, unknown>> {
  const res = await GET(new Request("http://localhost:3000/api/v1/openapi.json"));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as never;
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document, public", async () => {
    const doc = await documentOf();
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("lists every route under app/api/v1/ and nothing else; each route binds the operation of its own method and path", async () => {
    const doc = await documentOf();
    const fromFiles = routeFiles()
      .filter((f) => !f.includes(`${path.sep}openapi.json${path.sep}`))
      .flatMap((f) => exportsOf(f).map((e) => ({ ...e, path: pathOf(f) })))
      .filter((e) => !NOT_YET_OPERATIONS.has(`${e.method} ${e.path}`));
    expect(fromFiles.length).toBeGreaterThan(0);
    for (const e of fromFiles) {
      expect(e.operation, `${e.method.toUpperCase()} ${e.path} must be an apiRoute of an API_OPERATIONS entry`).not.toBeNull();
      const op = (API_OPERATIONS as Record<string, ApiOperation>)[e.operation!]!;
      expect({ method: op.method, path: op.path }, e.operation!).toEqual({ method: e.method, path: e.path });
      expect(doc.paths[e.path]?.[e.method], `${e.method} ${e.path} in the document`).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(fromFiles.map((e) => `${e.method} ${e.path}`).sort());
  });

  it("describes each body, query and answer with the operation's own zod schema, and every failure with the one error body", async () => {
    const doc = await documentOf();
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    for (const op of Object.values(API_OPERATIONS) as ApiOperation[]) {
      const o = doc.paths[op.path]![op.method] as {
        requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
        parameters?: { in: string; name: string }[];
        responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
      };
      if (op.body) {
        const ref = o.requestBody!.content["application/json"]!.schema.$ref!;
        const rendered = schemas[ref.split("/").pop()!] as { required?: string[] };
        // The document's required fields are the schema's: those it refuses when missing.
        const missing = op.body.safeParse({});
        const refused = missing.success ? [] : [...new Set(missing.error.issues.map((i) => String(i.path[0])))];
        expect(refused.filter((f) => f !== "undefined").sort(), op.operationId).toEqual(expect.arrayContaining(rendered.required ?? []));
      } else expect(o.requestBody, op.operationId).toBeUndefined();
      if (op.query) expect(o.parameters!.filter((p) => p.in === "query").map((p) => p.name)).toEqual(Object.keys(op.query.shape));
      if (op.on) expect(o.parameters!.filter((p) => p.in === "path").map((p) => p.name)).toEqual(["id"]);
      expect(Object.keys(o.responses)).toEqual(expect.arrayContaining([String(op.status), "401", "403", "429"]));
      if (op.on) expect(Object.keys(o.responses)).toContain("404");
      if (op.conflict) expect(Object.keys(o.responses)).toContain("409");
      for (const [status, r] of Object.entries(o.responses)) {
        if (Number(status) >= 400)
          expect(r.content!["application/json"]!.schema.$ref, `${op.operationId} ${status}`).toBe("#/components/schemas/Error");
      }
      if (!("file" in op.response)) {
        const ref = o.responses[String(op.status)]!.content!["application/json"]!.schema.$ref!;
        expect(ref).toBe(`#/components/schemas/${(z.globalRegistry.get(op.response) as { id: string }).id}`);
      }
    }
  });
});
