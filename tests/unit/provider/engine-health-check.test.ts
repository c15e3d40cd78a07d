// Proves how the engine health check reads a real gRPC server: serving, without the service, silent, and gone.
import * as grpc from "@grpc/grpc-js";
import { engineHealthCheck } from "../../../provider/engine-health-check";

const same = (b: Buffer): Buffer => b;
const HEALTH = {
  Check: {
    path: "/grpc.health.v1.Health/Check",
    requestStream: false,
    responseStream: false,
    requestSerialize: same,
    requestDeserialize: same,
    responseSerialize: same,
    responseDeserialize: same,
  },
};
// HealthCheckResponse { status: SERVING }
const SERVING = Buffer.from([0x08, 0x01]);

type Answer = (callback: grpc.sendUnaryData<Buffer>) => void;

/** A gRPC server on a loopback port; with `answer` it serves the health service that way. */
async function serve(answer?: Answer): Promise<{ address: string; server: grpc.Server }> {
  const server = new grpc.Server();
  if (answer) server.addService(HEALTH, { Check: (_call: unknown, callback: grpc.sendUnaryData<Buffer>) => answer(callback) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, server };
}

const servers: grpc.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.forceShutdown();
});

describe("engineHealthCheck", () => {
  it("finds a serving engine alive", async () => {
    const { address, server } = await serve((cb) => cb(null, SERVING));
    servers.push(server);
    await expect(engineHealthCheck(address, 5_000)()).resolves.toBe("alive");
  });

  it("counts an engine without the health service as alive", async () => {
    const { address, server } = await serve();
    servers.push(server);
    await expect(engineHealthCheck(address, 5_000)()).resolves.toBe("alive");
  });

  it("calls an engine that does not answer within the timeout silent, not gone", async () => {
    const { address, server } = await serve(() => undefined);
    servers.push(server);
    await expect(engineHealthCheck(address, 200)()).resolves.toBe("silent");
  });

  it("finds the engine gone once its server has stopped, on the same connection", async () => {
    const { address, server } = await serve((cb) => cb(null, SERVING));
    const check = engineHealthCheck(address, 5_000);
    await expect(check()).resolves.toBe("alive");
    server.forceShutdown();
    await expect(check()).resolves.toBe("gone");
  });
});
