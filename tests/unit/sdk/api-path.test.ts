// Proves that the one path builder turns every value into exactly one path segment.
import fc from "fast-check";
import { apiPath, encodePathSegment } from "../../../sdk/api-path";
import { principalRolesPath } from "../../../sdk/principal-roles-path";
import type { PrincipalKind } from "../../../sdk/types";

describe("apiPath", () => {
  it.each([
    ["../admin", "..%2Fadmin"],
    ["a%2Fb", "a%252Fb"],
    ["x?limit=1", "x%3Flimit%3D1"],
    ["x#frag", "x%23frag"],
    ["two words", "two%20words"],
    ["Ünïcødé✓", "%C3%9Cn%C3%AFc%C3%B8d%C3%A9%E2%9C%93"],
    ["a/b/c", "a%2Fb%2Fc"],
  ])("encodes %j as the single segment %s", (value, encoded) => {
    expect(apiPath`/api/v1/users/${value}/roles`).toBe(`/api/v1/users/${encoded}/roles`);
  });

  it.each(["", ".", ".."])("refuses %j because it would change the path", (value) => {
    expect(() => apiPath`/api/v1/users/${value}/roles`).toThrow(TypeError);
  });

  it("refuses a lone surrogate instead of throwing URIError", () => {
    expect(() => encodePathSegment("\uD800")).toThrow(TypeError);
  });

  it("keeps any accepted value in one segment that decodes back to it (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1 }), (value) => {
        fc.pre(value !== "." && value !== "..");
        const path = apiPath`/api/v1/groups/${value}/roles`;
        const segments = path.split("/");
        expect(segments).toHaveLength(6);
        expect(segments[5]).toBe("roles");
        expect(decodeURIComponent(segments[4])).toBe(value);
        expect(segments[4]).not.toMatch(/[/?#]/);
        const url = new URL(path, "https://org.example.com");
        expect(url.pathname).toBe(path);
        expect(url.search).toBe("");
        expect(url.hash).toBe("");
      }),
    );
  });
});

describe("principalRolesPath", () => {
  it.each<[PrincipalKind, string]>([
    ["user", "/api/v1/users/00u%2F..%2Fx/roles"],
    ["group", "/api/v1/groups/00u%2F..%2Fx/roles"],
    ["client", "/oauth2/v1/clients/00u%2F..%2Fx/roles"],
  ])("puts a %s's roles under its own encoded base path", (kind, expected) => {
    expect(principalRolesPath({ kind, id: "00u/../x" })).toBe(expected);
  });

  it("rejects an unknown principal kind", () => {
    expect(() => principalRolesPath({ kind: "app" as PrincipalKind, id: "x" })).toThrow(/Unknown principal kind/);
  });
});
