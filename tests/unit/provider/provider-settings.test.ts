// Proves the @pulumi/okta tuning keys are read with their env vars, units and ranges, and bad values fail configure (so the preview).
import { readProviderSettings } from "../../../provider/provider-settings";
import { OktaConfigError } from "../../../sdk/config-error";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });
const read = (values: Record<string, string>, env: Record<string, string> = {}) => readProviderSettings(config(values), env);

function refusal(values: Record<string, string>, env: Record<string, string> = {}): OktaConfigError {
  try {
    read(values, env);
  } catch (error) {
    if (error instanceof OktaConfigError) return error;
    throw error;
  }
  throw new Error("expected the settings to be refused");
}

describe("okta:* tuning keys", () => {
  it("sets nothing when no key is given, so the client's defaults apply, at log level 5 (ERROR)", () => {
    expect(read({})).toEqual({ okta: {}, tuning: {}, logLevel: 5, warnings: [] });
  });

  it("reads every key in @pulumi/okta's units: seconds become the client's milliseconds", () => {
    const settings = read({
      "okta:maxRetries": "7",
      "okta:requestTimeout": "12",
      "okta:maxApiCapacity": "50",
      "okta:minWaitSeconds": "2",
      "okta:maxWaitSeconds": "40",
      "okta:backoff": "false",
      "okta:logLevel": "2",
      "okta:httpProxy": "http://proxy.example.com:3128",
    });
    expect(settings.tuning).toEqual({
      maxRetries: 7,
      requestTimeoutMs: 12_000,
      maxApiCapacity: 50,
      retryBaseDelayMs: 2_000,
      retryMaxDelayMs: 40_000,
      backoff: false,
      httpProxy: "http://proxy.example.com:3128",
    });
    expect(settings.logLevel).toBe(2);
  });

  it("takes okta:requestTimeout 0 as no limit, as @pulumi/okta does", () => {
    expect(read({ "okta:requestTimeout": "0" }).tuning.requestTimeoutMs).toBe(0);
  });

  it("falls back to OKTA_HTTP_PROXY and MAX_API_CAPACITY, the env vars @pulumi/okta reads, and config beats them", () => {
    const env = { OKTA_HTTP_PROXY: "http://127.0.0.1:3128", MAX_API_CAPACITY: "30" };
    expect(read({}, env).tuning).toEqual({ httpProxy: "http://127.0.0.1:3128", maxApiCapacity: 30 });
    expect(read({ "okta:maxApiCapacity": "80", "okta:httpProxy": "https://p.example.com" }, env).tuning).toEqual({
      httpProxy: "https://p.example.com",
      maxApiCapacity: 80,
    });
  });

  it.each([
    ["okta:maxRetries", "101", "okta:maxRetries must be a whole number from 0 to 100 (retries); got \"101\"."],
    ["okta:maxRetries", "-1", "okta:maxRetries must be a whole number from 0 to 100 (retries); got \"-1\"."],
    ["okta:requestTimeout", "301", "okta:requestTimeout must be a whole number from 0 to 300 (seconds, 0 for no limit); got \"301\"."],
    ["okta:requestTimeout", "1.5", "okta:requestTimeout must be a whole number from 0 to 300 (seconds, 0 for no limit); got \"1.5\"."],
    [
      "okta:maxApiCapacity",
      "0",
      "okta:maxApiCapacity / MAX_API_CAPACITY must be a whole number from 1 to 100 (percent of each rate-limit bucket); got \"0\".",
    ],
    [
      "okta:maxApiCapacity",
      "150",
      "okta:maxApiCapacity / MAX_API_CAPACITY must be a whole number from 1 to 100 (percent of each rate-limit bucket); got \"150\".",
    ],
    ["okta:logLevel", "0", "okta:logLevel must be a whole number from 1 to 5 (1 TRACE, 2 DEBUG, 3 INFO, 4 WARN, 5 ERROR); got \"0\"."],
    ["okta:logLevel", "6", "okta:logLevel must be a whole number from 1 to 5 (1 TRACE, 2 DEBUG, 3 INFO, 4 WARN, 5 ERROR); got \"6\"."],
    ["okta:minWaitSeconds", "soon", "okta:minWaitSeconds must be a whole number of 0 or more (seconds); got \"soon\"."],
    ["okta:maxWaitSeconds", "-5", "okta:maxWaitSeconds must be a whole number of 0 or more (seconds); got \"-5\"."],
    ["okta:backoff", "yes", "okta:backoff must be true or false; got \"yes\"."],
    [
      "okta:httpProxy",
      "socks5://proxy:1080",
      "okta:httpProxy / OKTA_HTTP_PROXY must be a proxy URL of the form scheme://host or scheme://host:port, with scheme http or https (such as http://proxy.example.com:3128); got \"socks5://proxy:1080\".",
    ],
  ])("refuses %s = %s with a message naming the key, the range and the value", (key, value, message) => {
    const error = refusal({ [key]: value });
    expect(error.message).toBe(message);
    expect(error.configKey).toBe(key);
  });

  it("refuses an out-of-range MAX_API_CAPACITY from the environment too", () => {
    expect(refusal({}, { MAX_API_CAPACITY: "0" }).message).toMatch(/^okta:maxApiCapacity \/ MAX_API_CAPACITY must be .* got "0"\.$/);
  });

  it("refuses okta:minWaitSeconds above okta:maxWaitSeconds", () => {
    expect(refusal({ "okta:minWaitSeconds": "60", "okta:maxWaitSeconds": "30" }).message).toBe(
      "okta:minWaitSeconds (60) must not be more than okta:maxWaitSeconds (30); lower the first or raise the second.",
    );
  });

  it("never shows a proxy's user name or password in the refusal", () => {
    const error = refusal({ "okta:httpProxy": "ftp://alice:s3cr3t-pw@proxy.example.com:21" });
    expect(error.message).toContain('got "ftp://***@proxy.example.com:21"');
    expect(error.message).not.toMatch(/alice|s3cr3t-pw/);
    const unparsable = refusal({ "okta:httpProxy": "http://alice:s3cr3t-pw@[bad" });
    expect(unparsable.message).not.toMatch(/alice|s3cr3t-pw/);
  });

  it("accepts a proxy with credentials and keeps them for the client only", () => {
    expect(read({ "okta:httpProxy": "http://alice:pw@proxy.example.com:3128" }).tuning.httpProxy).toBe("http://alice:pw@proxy.example.com:3128");
  });
});

describe("deprecated oktaRoleTargets:* aliases", () => {
  it("still reads oktaRoleTargets:maxRetries and :requestTimeoutMs, with a warning naming the okta:* key to use", () => {
    const settings = read({ "oktaRoleTargets:maxRetries": "2", "oktaRoleTargets:requestTimeoutMs": "1500" });
    expect(settings.tuning).toEqual({ maxRetries: 2, requestTimeoutMs: 1500 });
    expect(settings.warnings).toEqual([
      "oktaRoleTargets:maxRetries / OKTA_RT_MAX_RETRIES is deprecated; set okta:maxRetries (the @pulumi/okta key) instead.",
      "oktaRoleTargets:requestTimeoutMs / OKTA_RT_REQUEST_TIMEOUT_MS is deprecated; set okta:requestTimeout (the @pulumi/okta key, in seconds) instead.",
    ]);
  });

  it("reads their env vars, and lets the okta:* key win when both are set", () => {
    const settings = read({ "okta:maxRetries": "9", "okta:requestTimeout": "3" }, { OKTA_RT_MAX_RETRIES: "1", OKTA_RT_REQUEST_TIMEOUT_MS: "100" });
    expect(settings.tuning).toEqual({ maxRetries: 9, requestTimeoutMs: 3000 });
    expect(settings.warnings).toHaveLength(2);
  });
});
