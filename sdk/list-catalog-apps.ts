// Lists the OIN catalog (`GET /api/v1/catalog/apps`): the app keys a catalog-app target may name.
import type { QueryParams } from "./okta-client";

/** One OIN catalog entry as Okta lists it. */
export interface CatalogApp {
  /** The catalog key used in targets and as an app instance's `name`, such as `salesforce`. */
  name: string;
  /** What people call the app, such as `Salesforce.com`. */
  displayName?: string;
  /** Catalog category, such as `CRM`. */
  category?: string;
  /** `ACTIVE` or `INACTIVE`. */
  status?: string;
  [key: string]: unknown;
}

/** The one client call this needs; {@link OktaClient} has it. */
export interface ListsAll {
  /** Every item of every page of a list endpoint. */
  listAll<T>(path: string, query?: QueryParams): Promise<T[]>;
}

/**
 * Every OIN catalog entry, following pages (`limit=200`). The endpoint is not in
 * Okta's published management spec, and it needs `okta.apps.read` for OAuth
 * credentials; callers should treat a failure as "unknown", not as an answer.
 * `q` narrows the list by name, as the Admin Console's catalog search does.
 */
export async function listCatalogApps(client: ListsAll, q?: string): Promise<CatalogApp[]> {
  return client.listAll<CatalogApp>("/api/v1/catalog/apps", { q });
}
