// startEmulator: loopback-only binding, ports, close, option checks, quiet logging, injectable clock.
import { createServer } from "node:net";
import { networkInterfaces } from "node:os";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { apiFor, expectStatus } from "./helpers/api";

const started: RunningEmulator[] = [];
afterEach(async () => {
  for (const emulator of started.splice(0)) await emulator.close();
});

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator(options);
  started.push(emulator);
  return emulator;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe("startEmulator", () => {
  it("listens on 127.0.0.1 and reports its URL and port", async () => {
    const emulator = await start();
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.port).toBeGreaterThan(0);
    expectStatus(await apiFor(emulator.url)("GET", "/api/v1/groups"), 200);
  });

  it("is not reachable on any non-loopback address", async () => {
    const emulator = await start();
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && address.family === "IPv4" && !address.internal)
      .map((address) => address?.address);
    for (const address of [...external, "127.0.0.2"]) {
      await expect(fetch(`http://${address}:${emulator.port}/api/v1/groups`)).rejects.toThrow();
    }
  });

  it("listens on a requested port", async () => {
    const port = await freePort();
    expect((await start({ port })).url).toBe(`http://127.0.0.1:${port}`);
  });

  it("closes idempotently and stops answering", async () => {
    const emulator = await start();
    await emulator.close();
    await emulator.close();
    await expect(fetch(`${emulator.url}/api/v1/groups`)).rejects.toThrow();
  });

  it.each([
    [{ port: -1 }, "port"],
    [{ port: 1.5 }, "port"],
    [{ rateLimit: { limit: 0, windowSeconds: 60 } }, "rateLimit.limit"],
    [{ rateLimit: { limit: 10, windowSeconds: 0 } }, "rateLimit.windowSeconds"],
    [{ apiToken: "has space" }, "apiToken"],
  ])("refuses options %j", async (options, message) => {
    await expect(startEmulator(options)).rejects.toThrow(message);
  });

  it("accepts a seed file path and refuses a missing one", async () => {
    const emulator = await start({ seed: `${__dirname}/../../emulator/demo-org.json` });
    expect(emulator.state().groups.map((group) => group.name)).toContain("IT Admins");
    await expect(startEmulator({ seed: `${__dirname}/no-such-seed.json` })).rejects.toThrow("cannot read seed file");
  });

  it("writes nothing to stdout or stderr unless logging is asked for", async () => {
    const writes: string[] = [];
    const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => (writes.push(String(chunk)), true));
    const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => (writes.push(String(chunk)), true));
    try {
      const emulator = await start();
      await apiFor(emulator.url)("GET", "/api/v1/nothing");
      await emulator.close();
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(writes).toEqual([]);
  });

  it("stamps Date and timestamps from the injected clock, which setClock can replace", async () => {
    const emulator = await start({ now: () => Date.parse("2030-01-02T03:04:05.678Z") });
    const created = expectStatus(await apiFor(emulator.url)("POST", "/api/v1/groups", { profile: { name: "Clocked" } }), 200);
    expect(created.body.created).toBe("2030-01-02T03:04:05.000Z");
    expect(created.headers.get("date")).toBe("Wed, 02 Jan 2030 03:04:05 GMT");
    emulator.setClock(() => Date.parse("2031-01-01T00:00:00Z"));
    expect((await apiFor(emulator.url)("GET", "/api/v1/groups")).headers.get("date")).toBe("Wed, 01 Jan 2031 00:00:00 GMT");
  });
});
