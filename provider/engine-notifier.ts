// Sends provider messages to the Pulumi engine's log, attached to the binding they are about.
import { requirePulumi } from "./require-pulumi";

/** How serious a message is; `info` is shown in the resource's row, `warning` in the diagnostics too. */
export type Severity = "info" | "warning";

/** Shows one message; `urn` attaches it to a resource, `ephemeral` replaces it with the next status line. */
export type EngineLog = (severity: Severity, message: string, urn: string | undefined, ephemeral?: boolean) => void;

type LogClient = { log(request: unknown, callback: (err: unknown) => void): void };

/**
 * The dynamic-provider process is started with the engine's address as its
 * first argument. Its own SDK does not connect a log channel there, so this
 * does, through the engine's `Log` RPC: messages then appear once, under the
 * binding's row in preview and up, instead of as raw plugin stderr. Without an
 * address (tests, other hosts) messages go to `fallback`.
 */
export function engineLog(engineAddress: string | undefined, fallback: (line: string) => void): EngineLog {
  const client = engineAddress ? connect(engineAddress) : undefined;
  if (!client) return (severity, message) => fallback(`${severity}: ${message}`);
  const proto = requirePulumi("@pulumi/pulumi/proto/engine_pb") as {
    LogRequest: new () => Record<string, (v: unknown) => void>;
    LogSeverity: Record<string, number>;
  };
  return (severity, message, urn, ephemeral = false) => {
    const request = new proto.LogRequest();
    request.setSeverity(severity === "warning" ? proto.LogSeverity.WARNING : proto.LogSeverity.INFO);
    request.setMessage(message);
    request.setUrn(urn ?? "");
    request.setEphemeral(ephemeral);
    client.log(request, (err) => {
      if (err) fallback(`${severity}: ${message}`);
    });
  };
}

function connect(address: string): LogClient | undefined {
  try {
    const grpc = requirePulumi("@grpc/grpc-js") as { credentials: { createInsecure(): unknown } };
    const stubs = requirePulumi("@pulumi/pulumi/proto/engine_grpc_pb") as {
      EngineClient: new (address: string, credentials: unknown) => LogClient;
    };
    return new stubs.EngineClient(address, grpc.credentials.createInsecure());
  } catch {
    return undefined;
  }
}
