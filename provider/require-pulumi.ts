// Loads modules (gRPC stubs, grpc-js) from the @pulumi/pulumi that runs this provider.
import { createRequire } from "node:module";

/**
 * Requires `id` as the installed `@pulumi/pulumi` would, so the gRPC library and
 * stubs are the ones that package owns, never a second copy of our own.
 */
export function requirePulumi(id: string): unknown {
  const from = createRequire(require.resolve("@pulumi/pulumi"));
  return from(id);
}
