// Asks the engine, over its gRPC health service, whether it is still there.
import { requirePulumi } from "./require-pulumi";

/**
 * What one check found: `alive` (it answered, or has no health service), `silent` (no answer
 * in time: a stopped or busy engine, which still counts as there) or `gone` (nothing listens).
 */
export type EngineAnswer = "alive" | "silent" | "gone";

/** One health check; never rejects. */
export type EngineCheck = () => Promise<EngineAnswer>;

type GrpcStatus = { code?: number } | null;
type GrpcClient = {
  makeUnaryRequest(
    method: string,
    serialize: (value: Buffer) => Buffer,
    deserialize: (value: Buffer) => Buffer,
    argument: Buffer,
    metadata: unknown,
    options: { deadline: number },
    callback: (error: GrpcStatus) => void,
  ): unknown;
};
type Grpc = {
  Client: new (address: string, credentials: unknown) => GrpcClient;
  Metadata: new () => unknown;
  credentials: { createInsecure(): unknown };
  status: Record<string, number>;
};

const CHECK = "/grpc.health.v1.Health/Check";
// An empty HealthCheckRequest (service "") encodes to zero bytes; the reply's body is not needed.
const EMPTY = Buffer.alloc(0);
const same = (b: Buffer): Buffer => b;

/**
 * A check of the engine's `grpc.health.v1.Health` service at `address` (the one Pulumi's own
 * hosts poll), each bounded by `timeoutMs`. A dead engine's port refuses at once, so `gone`
 * comes back in milliseconds; an engine that does not implement the service counts as alive.
 */
export function engineHealthCheck(address: string, timeoutMs: number): EngineCheck {
  const grpc = requirePulumi("@grpc/grpc-js") as Grpc;
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  const { OK, UNIMPLEMENTED, DEADLINE_EXCEEDED } = grpc.status;
  return () =>
    new Promise<EngineAnswer>((resolve) => {
      try {
        client.makeUnaryRequest(CHECK, same, same, EMPTY, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (error) => {
          const code = error?.code ?? OK;
          resolve(code === OK || code === UNIMPLEMENTED ? "alive" : code === DEADLINE_EXCEEDED ? "silent" : "gone");
        });
      } catch {
        // A call that cannot even be made says nothing about the engine.
        resolve("silent");
      }
    });
}
