// Scope grants on apps (/api/v1/apps/{appId}/grants): how a service app is allowed okta.* scopes.
import { oktaTime } from "../domain/time";
import type { AppRecord, ScopeGrant } from "../domain/records";
import { bodyObject, requiredString } from "../domain/json-input";
import { grantScope } from "../domain/scope-grants";
import { notFound } from "../http/okta-error";
import { appRoute, requireApp } from "./app-routes";
import { json, noContent, type Route } from "./route";

/** List, grant and revoke scope grants of an app. */
export function appGrantRoutes(): Route[] {
  return [
    appRoute("GET", "/api/v1/apps/{appId}/grants", (ctx) => {
      const app = requireApp(ctx);
      return json(200, app.grants.map((grant) => presentGrant(app, grant, ctx.orgUrl)));
    }),
    appRoute("POST", "/api/v1/apps/{appId}/grants", (ctx) => {
      const app = requireApp(ctx);
      const body = bodyObject(ctx.body);
      requiredString(body, "issuer");
      const grant = grantScope(app, requiredString(body, "scopeId"), ctx.now);
      return json(201, presentGrant(app, grant, ctx.orgUrl));
    }),
    appRoute("DELETE", "/api/v1/apps/{appId}/grants/{grantId}", (ctx) => {
      const app = requireApp(ctx);
      const grantId = ctx.params.grantId ?? "";
      if (!app.grants.some((grant) => grant.id === grantId)) throw notFound(grantId, "OAuth2ScopeConsentGrant");
      app.grants = app.grants.filter((grant) => grant.id !== grantId);
      return noContent();
    }),
  ];
}

function presentGrant(app: AppRecord, grant: ScopeGrant, orgUrl: string): Record<string, unknown> {
  const self = `${orgUrl}/api/v1/apps/${app.id}/grants/${grant.id}`;
  return {
    id: grant.id,
    status: "ACTIVE",
    created: oktaTime(grant.created),
    lastUpdated: oktaTime(grant.created),
    issuer: orgUrl,
    clientId: app.id,
    scopeId: grant.scopeId,
    source: "ADMIN",
    _links: { app: { href: `${orgUrl}/api/v1/apps/${app.id}` }, self: { href: self }, client: { href: `${orgUrl}/oauth2/v1/clients/${app.id}` } },
  };
}
