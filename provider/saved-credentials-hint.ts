// Adds the one fact a person needs when refresh or destroy is refused credentials.
import { OktaApiError } from "../sdk/errors";

/**
 * Refresh and destroy run without the program unless `--run-program` is given,
 * so the engine configures the provider from the config saved by the last
 * `pulumi up`, not from the stack's current config. A 401 there often means a
 * rotated or fixed credential that the saved config does not have yet.
 */
export function withSavedCredentialsHint(err: unknown): unknown {
  if (!(err instanceof OktaApiError) || err.status !== 401) return err;
  err.message +=
    " Refresh and destroy use the okta:* config saved by the last `pulumi up` unless run with --run-program: " +
    "if you changed the credential since, use `pulumi preview --refresh --run-program`, `pulumi refresh --run-program` " +
    "or `pulumi destroy --run-program`, or run `pulumi up` first.";
  return err;
}
