// fastify is an optional peer: the emulator loads it only when it starts, and says how to install it when it is missing.
import { FASTIFY_MISSING_MESSAGE, FastifyMissingError, loadFastify, type ModuleLoader } from "../../emulator/http/load-fastify";

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'\nRequire stack:\n- /somewhere/dist/emulator/http/load-fastify.js`), { code: "MODULE_NOT_FOUND" });
}

describe("loadFastify", () => {
  it("returns the fastify factory of the installed fastify 5", () => {
    const factory = loadFastify();
    expect(typeof factory).toBe("function");
    expect(factory).toBe((require("fastify") as { fastify: unknown }).fastify);
  });

  it("says to install fastify 5, and the npx form, when fastify is not installed", () => {
    const missing: ModuleLoader = (id) => {
      throw notFound(id);
    };
    expect(() => loadFastify(missing)).toThrow(FastifyMissingError);
    expect(() => loadFastify(missing)).toThrow("The emulator needs fastify 5: npm install --save-dev fastify@5");
    expect(FASTIFY_MISSING_MESSAGE).toContain("npx -p pulumi-okta-role-targets -p fastify@5 pulumi-okta-role-targets-emulator");
  });

  it("refuses another major version of fastify, naming the version it found", () => {
    const fastify4: ModuleLoader = (id) => (id === "fastify/package.json" ? { version: "4.29.1" } : { fastify: () => undefined });
    expect(() => loadFastify(fastify4)).toThrow(/needs fastify 5: .*\(found fastify 4\.29\.1\)$/s);
  });

  it("passes on other load failures (a broken dependency inside fastify) unchanged", () => {
    const broken: ModuleLoader = (id) => {
      if (id === "fastify/package.json") return { version: "5.12.8" };
      throw notFound("avvio");
    };
    expect(() => loadFastify(broken)).toThrow("Cannot find module 'avvio'");
    expect(() => loadFastify(broken)).not.toThrow(FastifyMissingError);
  });
});
