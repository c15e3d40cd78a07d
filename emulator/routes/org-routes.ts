// Small org-level endpoints real clients touch while setting up: org discovery, the OIN catalog, idToken settings.
import { catalogEntries, catalogEntry } from "../domain/oin-catalog";
import { isObject } from "../domain/json-input";
import { ORG_ID } from "../domain/org-constants";
import { notFound } from "../http/okta-error";
import { presentCatalogApp } from "../present/present-catalog-app";
import { appRoute, requireApp } from "./app-routes";
import { json, type Route } from "./route";

const ORG_SETTINGS = {
  analyticsCollectionEnabled: false,
  bugReportingEnabled: false,
  omEnabled: false,
  pssoEnabled: false,
  desktopMFAEnabled: false,
  itpEnabled: false,
};

/** /.well-known/okta-organization, /api/v1/catalog/apps and the internal idToken settings. */
export function orgRoutes(): Route[] {
  return [
    {
      method: "GET",
      path: "/.well-known/okta-organization",
      family: "org",
      access: "public",
      handler: (ctx) => json(200, { id: ORG_ID, cell: "emulator", _links: { organization: { href: ctx.orgUrl } }, pipeline: "idx", settings: ORG_SETTINGS }),
    },
    appRoute("GET", "/api/v1/catalog/apps", (ctx) => json(200, catalogEntries().map((entry) => presentCatalogApp(entry, ctx.orgUrl)))),
    appRoute("GET", "/api/v1/catalog/apps/{appName}", (ctx) => {
      const entry = catalogEntry(ctx.params.appName ?? "");
      if (!entry) throw notFound(ctx.params.appName ?? "", "CatalogApp");
      return json(200, presentCatalogApp(entry, ctx.orgUrl));
    }),
    // Undocumented endpoints the Terraform provider calls when it creates OAuth apps.
    appRoute("GET", "/api/v1/internal/apps/{appId}/settings/oauth/idToken", (ctx) => {
      const app = requireApp(ctx);
      return json(200, { issuer: ctx.orgUrl, orgUrl: null, customUrl: null, audience: app.id, issuerMode: "ORG_URL" });
    }),
    appRoute("POST", "/api/v1/internal/apps/{appId}/settings/oauth/idToken", (ctx) => {
      requireApp(ctx);
      const issuerMode = isObject(ctx.body) && typeof ctx.body.issuerMode === "string" ? ctx.body.issuerMode : "ORG_URL";
      return json(200, { issuer: null, orgUrl: null, customUrl: null, audience: null, issuerMode });
    }),
  ];
}
