// Reads the app list's `filter` expression: `name eq "…"` and `status eq "…"`, joined by `and`.
import type { AppRecord } from "../domain/records";
import { validationFailed } from "../http/okta-error";

const CLAUSE = /^(name|status|id) eq "([^"]*)"$/;

/** A predicate for `GET /api/v1/apps?filter=…`; an expression it cannot read is 400 E0000001. */
export function appFilter(raw: string | undefined): (app: AppRecord) => boolean {
  if (raw === undefined || raw.trim() === "") return () => true;
  const clauses = raw.trim().split(/\s+and\s+/i).map((clause) => {
    const match = CLAUSE.exec(clause.trim());
    if (!match) throw validationFailed("filter", `filter: cannot read '${clause}'; use name eq "…", status eq "…" or id eq "…", joined by and`);
    return { field: match[1] as "name" | "status" | "id", value: match[2] ?? "" };
  });
  return (app) => clauses.every(({ field, value }) => app[field] === value);
}
