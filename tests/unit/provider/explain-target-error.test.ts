// A target write Okta refused as not found is explained only when the look-ups confirm the mistake.
import { OktaApiError } from "../../../sdk/errors";
import { explainTargetError, FailedTargetOperation } from "../../../provider/explain-target-error";
import type { TargetLookups } from "../../../provider/target-lookups";

const notFound = (path: string, errorCode = "E0000007") =>
  new OktaApiError({ status: 404, method: "PUT", path, errorCode, errorSummary: "Not found: Resource not found", requestId: "req-1" });
const ROLE = "/api/v1/users/00ualice000000000001/roles/IFIFAX2BIRGUSTQ/targets/catalog/apps";
const WIKI = "0oawiki0000000000001";

function lookups(over: Partial<TargetLookups> = {}): TargetLookups & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async getApp(appId) {
      calls.push(`getApp ${appId}`);
      return appId === WIKI ? { name: "bookmark", label: "Wiki" } : undefined;
    },
    async catalogKeys() {
      calls.push("catalogKeys");
      return ["salesforce", "slack", "box", "bookmark", "zoomus"];
    },
    ...over,
  };
}

const catalog = (appName: string): FailedTargetOperation => ({ type: "add", target: { kind: "catalogApp", appName } });
const instance = (appName: string, appId: string): FailedTargetOperation => ({ type: "add", target: { kind: "appInstance", appName, appId } });

describe("explainTargetError", () => {
  it("names the nearest catalog keys for a mistyped OIN key", async () => {
    const err = notFound(`${ROLE}/slak`);
    const explained = await explainTargetError(err, catalog("slak"), lookups());
    expect(explained?.message).toBe(
      `appNames: "slak" is not an OIN catalog key Okta knows; did you mean slack? (Okta answered 404 E0000007 on PUT ${ROLE}/slak; X-Okta-Request-Id req-1)`,
    );
    expect(explained?.cause).toBe(err);
  });

  it("lists up to three near keys when several are close", async () => {
    const explained = await explainTargetError(notFound(`${ROLE}/bax`), catalog("bax"), lookups({ catalogKeys: async () => ["box", "bay", "fax", "zoom"] }));
    expect(explained?.message).toMatch(/did you mean box\? The nearest catalog keys are box, bay, fax\./);
  });

  it("says how to find a key when nothing is close", async () => {
    const explained = await explainTargetError(notFound(`${ROLE}/workday`), catalog("workday"), lookups());
    expect(explained?.message).toMatch(/"workday" is not an OIN catalog key Okta knows; find the key as the name of any instance of the app: okta\.app\.getApp/);
  });

  it("names an app instance's real key when appName is wrong", async () => {
    const explained = await explainTargetError(notFound(`${ROLE}/salesforce/${WIKI}`), instance("salesforce", WIKI), lookups());
    expect(explained?.message).toMatch(
      new RegExp(`^apps: ${WIKI} is a bookmark app \\("Wiki"\\), not salesforce; write \\{ appName: "bookmark", appId: "${WIKI}" \\}\\. \\(Okta answered 404`),
    );
  });

  it("says an app instance does not exist when Okta has no such app", async () => {
    const gone = "0oagone0000000000001";
    const explained = await explainTargetError(notFound(`${ROLE}/bookmark/${gone}`), instance("bookmark", gone), lookups());
    expect(explained?.message).toMatch(/^apps: there is no app instance 0oagone0000000000001 in this org/);
  });

  it.each<[string, unknown, FailedTargetOperation]>([
    ["a known catalog key (the role assignment is what is missing)", notFound(`${ROLE}/slack`), catalog("slack")],
    ["an instance under its right key", notFound(`${ROLE}/bookmark/${WIKI}`), instance("bookmark", WIKI)],
    ["a group target", notFound("/api/v1/users/00ualice000000000001/roles/X/targets/groups/00g1"), { type: "add", target: { kind: "group", groupId: "00g1" } }],
    ["a 403", new OktaApiError({ status: 403, method: "PUT", path: `${ROLE}/slak`, errorCode: "E0000006" }), catalog("slak")],
    ["an error that is not Okta's", new Error("socket hang up"), catalog("slak")],
  ])("leaves Okta's own error alone for %s", async (_name, err, op) => {
    expect(await explainTargetError(err, op, lookups())).toBeUndefined();
  });

  it("leaves Okta's own error alone when a look-up fails, or the catalog is empty", async () => {
    const failing = lookups({ catalogKeys: async () => Promise.reject(new Error("403")), getApp: async () => Promise.reject(new Error("403")) });
    expect(await explainTargetError(notFound(`${ROLE}/slak`), catalog("slak"), failing)).toBeUndefined();
    expect(await explainTargetError(notFound(`${ROLE}/salesforce/${WIKI}`), instance("salesforce", WIKI), failing)).toBeUndefined();
    expect(await explainTargetError(notFound(`${ROLE}/slak`), catalog("slak"), lookups({ catalogKeys: async () => [] }))).toBeUndefined();
  });

  it("makes no look-up for errors it cannot explain", async () => {
    const l = lookups();
    await explainTargetError(new OktaApiError({ status: 429, method: "PUT", path: `${ROLE}/slak` }), catalog("slak"), l);
    expect(l.calls).toEqual([]);
  });
});
