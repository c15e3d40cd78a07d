// Proves the plain-http orgUrl error offers only what a stack can do: https, or a loopback emulator URL.
import { resolveOktaConfig } from "../../../sdk/config";

const TOKEN = { apiToken: "00tok" };

describe("a plain-http okta:orgUrl", () => {
  it("is refused with advice a Pulumi user can follow, never a setting no stack config has", () => {
    let message = "";
    try {
      resolveOktaConfig({ orgUrl: "http://okta.internal:8080", ...TOKEN }, {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^okta:orgUrl \/ OKTA_ORG_URL uses plain http \(http:\/\/okta\.internal:8080\)/);
    expect(message).toContain("Use the org's https:// address");
    expect(message).toContain("http://127.0.0.1:PORT or http://localhost:PORT");
    expect(message).not.toContain("allowInsecureHttp");
  });

  it.each(["http://127.0.0.1:8080", "http://localhost:8080"])("is accepted on loopback (%s), as the message says", (orgUrl) => {
    expect(resolveOktaConfig({ orgUrl, ...TOKEN }, {}).orgUrl).toBe(orgUrl);
  });
});
