// The error for configuration that cannot work; it names the key to fix and never a secret value.

/** A missing, conflicting or malformed Okta setting. */
export class OktaConfigError extends Error {
  /** The Pulumi config key to fix, such as `okta:orgName`. */
  readonly configKey: string;
  /** The environment variable that can supply it instead, such as `OKTA_ORG_NAME`. */
  readonly envVar: string | undefined;

  /** Creates the error; `message` must say what to do and must not quote secret values. */
  constructor(configKey: string, envVar: string | undefined, message: string) {
    super(message);
    this.name = "OktaConfigError";
    this.configKey = configKey;
    this.envVar = envVar;
  }
}
