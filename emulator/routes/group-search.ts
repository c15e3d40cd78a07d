// Reads the group list's `search` expression: `id eq "…"` clauses joined by `or`.
import type { GroupRecord } from "../domain/records";
import { validationFailed } from "../http/okta-error";

const CLAUSE = /^id eq "([^"]*)"$/;

/**
 * A predicate for `GET /api/v1/groups?search=…`. Okta's search takes any filter
 * expression; the emulator reads the part clients use to fetch groups by id
 * (`id eq "00g1" or id eq "00g2"`). Anything else is 400 E0000001.
 */
export function groupSearch(raw: string | undefined): (group: GroupRecord) => boolean {
  if (raw === undefined || raw.trim() === "") return () => true;
  const ids = new Set(
    raw.trim().split(/\s+or\s+/i).map((clause) => {
      const match = CLAUSE.exec(clause.trim());
      if (!match) throw validationFailed("search", `search: cannot read '${clause}'; the emulator reads id eq "…" clauses joined by or`);
      return match[1] ?? "";
    }),
  );
  return (group) => ids.has(group.id);
}
