// Renders OIN catalog entries and app-instance targets as Okta's CatalogApplication items.
import { DEFAULT_APP_LOGO } from "../domain/org-constants";
import type { CatalogEntry } from "../domain/oin-catalog";
import type { AppRecord } from "../domain/records";

/** A catalog-app target (no `id`): the OIN entry with logo and self links. */
export function presentCatalogApp(entry: CatalogEntry, orgUrl: string): Record<string, unknown> {
  const { logoTyped, features, signOnModes, ...fields } = entry;
  const logo = logoTyped ? { name: "medium", href: DEFAULT_APP_LOGO, type: "image/png" } : { name: "medium", href: DEFAULT_APP_LOGO };
  return {
    ...fields,
    signOnModes: [...signOnModes],
    ...(features ? { features: [...features] } : {}),
    _links: { logo: [logo], self: { href: `${orgUrl}/api/v1/catalog/apps/${entry.name}` } },
  };
}

/** An app-instance target: `name` is the app's label (not its key), plus status, id and self. */
export function presentInstanceTarget(app: AppRecord, orgUrl: string): Record<string, unknown> {
  return { name: app.label, status: app.status, id: app.id, _links: { self: { href: `${orgUrl}/api/v1/apps/${app.id}` } } };
}
