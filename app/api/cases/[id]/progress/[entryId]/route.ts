import { route } from "@/app/_server/route-handler";
import { removeProgressEntry } from "@/lib/progress/remove-progress-entry";

/** DELETE /api/cases/<id>/progress/<entryId> → removes one's own mistyped entry (others': 403). */
export const DELETE = route(
  { auth: "any", on: "case", params: ["id", "entryId"], caseData: { none: "removes the caller's own entry; answers its id" } },
  async ({ me, params }) => {
    await removeProgressEntry({ me, entryId: params.entryId });
    return { removed: params.entryId };
  },
);
