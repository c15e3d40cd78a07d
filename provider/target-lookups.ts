// The directory look-ups that explain a refused target, backed by the Okta client.
import { isOktaApiError } from "../sdk/errors";
import { listCatalogApps, type ListsAll } from "../sdk/list-catalog-apps";
import type { AppDirectoryApi } from "../sdk/types";

/** What {@link explainTargetError} may ask Okta to tell a typo from another failure. */
export interface TargetLookups {
  /** The app instance's catalog key and label, or `undefined` if the org has no such app. */
  getApp(appId: string): Promise<{ name: string; label: string } | undefined>;
  /** Every OIN catalog key Okta knows. */
  catalogKeys(): Promise<string[]>;
}

/**
 * Look-ups through a real client. A 404 from `getApp` means "no such app";
 * every other failure rejects, so the caller keeps Okta's own error.
 * The catalog is read at most once per look-ups object.
 */
export function targetLookupsFor(client: Pick<AppDirectoryApi, "getApp"> & ListsAll): TargetLookups {
  let keys: Promise<string[]> | undefined;
  return {
    async getApp(appId) {
      try {
        const app = await client.getApp(appId);
        return { name: app.name, label: app.label ?? app.name };
      } catch (err) {
        if (isOktaApiError(err, 404)) return undefined;
        throw err;
      }
    },
    catalogKeys() {
      keys ??= listCatalogApps(client).then((apps) => apps.map((a) => a.name));
      return keys;
    },
  };
}
