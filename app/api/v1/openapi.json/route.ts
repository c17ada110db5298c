import { route } from "@/app/_server/route-handler";
import { openApiDocument } from "@/lib/api/openapi-document";

/** GET /api/v1/openapi.json → the API's OpenAPI 3.1 document (public: it holds no data). */
export const GET = route({ auth: "none", caseData: { none: "the API's description, no data" } }, async () => openApiDocument());
