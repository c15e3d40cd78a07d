// Many writers on one role assignment: several bindings in one run (one provider process),
// and two stacks at once (two provider processes) while Okta answers 409 E0000268.
import { RunningEmulator, startEmulator } from "../../emulator";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG } from "../helpers/test-org";
import { allSettled, figuresOf, recordCompletions, targetsIn, unscopedMoments } from "./helpers/log-audit";
import { MORE, reliabilityOrgSeed } from "./helpers/reliability-org";
import { RELIABILITY_PROGRAM, ReliabilitySpec, reliabilityConfig } from "./helpers/reliability-program";

jest.setTimeout(300_000);

const wiki = { appName: "bookmark", appId: ORG.wiki };
const sfdc = { appName: "salesforce", appId: ORG.sfdc };
const box = { appName: "box", appId: MORE.box };
const github = { appName: "github", appId: MORE.github };
const it_ = { groupId: ORG.itAdmins, roleType: "APP_ADMIN", mode: "additive" };
const cat = (name: string, appNames: string[]): ReliabilitySpec => ({ type: "AppTargetBinding", name, args: { ...it_, appNames } });
const inst = (name: string, apps: { appName: string; appId: string }[]): ReliabilitySpec => ({ type: "AppInstanceTargetBinding", name, args: { ...it_, apps } });
const itApps = (emulator: RunningEmulator) => targetsIn(emulator.state(), ORG.itAdmins, ORG.APP_ADMIN)?.apps;
const aliceGroups = (emulator: RunningEmulator) => targetsIn(emulator.state(), ORG.alice, ORG.HELP_DESK_ADMIN)?.groups;

const figures: string[] = [];
afterAll(() => console.log(`[reliability:concurrency] ${figures.join("; ")}`));

describe("writers sharing one role assignment", () => {
  it("six catalog and instance bindings on one APP_ADMIN role, applied in one run, all land, and a run changing three of them loses none of the others", async () => {
    const emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed() });
    const v1 = [
      cat("cat-a", ["slack", "zoomus"]),
      cat("cat-b", ["pagerduty"]),
      cat("cat-c", ["atlassian", "dropbox_for_business"]),
      inst("inst-a", [wiki]),
      inst("inst-b", [sfdc]),
      inst("inst-c", [box, github]),
    ];
    const p = await createProgram({ project: "one-role", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, v1) });
    try {
      const start = emulator.state();
      const completions = recordCompletions(emulator);
      const created = await p.up();
      expect(created.summary.resourceChanges).toMatchObject({ create: 7 }); // six bindings and the stack
      const all = [
        "catalog:atlassian",
        "catalog:dropbox_for_business",
        "catalog:pagerduty",
        "catalog:slack",
        "catalog:zoomus",
        `instance:bookmark/${ORG.wiki}`,
        `instance:box/${MORE.box}`,
        `instance:github/${MORE.github}`,
        `instance:salesforce/${ORG.sfdc}`,
      ];
      expect(itApps(emulator)).toEqual(all);

      const v2 = v1.map((s) =>
        s.name === "cat-a" ? cat("cat-a", ["slack"]) : s.name === "inst-c" ? inst("inst-c", [github]) : s.name === "cat-b" ? cat("cat-b", ["pagerduty", "zendesk"]) : s,
      );
      await p.stack.setConfig("e2e:bindings", { value: JSON.stringify(v2) });
      const updated = await p.up();
      expect(updated.summary.resourceChanges).toMatchObject({ update: 3, same: 4 }); // the stack is the fourth
      const expected = [...all.filter((t) => t !== "catalog:zoomus" && t !== `instance:box/${MORE.box}`), "catalog:zendesk"].sort();
      expect(itApps(emulator)).toEqual(expected);
      completions.stop();
      expect(unscopedMoments(start, await allSettled(emulator), completions.order())).toEqual([]);
      figures.push(`one run, 6 bindings on one role: ${expected.length}/${expected.length} targets after create and update, lost=0`);
    } finally {
      await p.cleanup();
      await emulator.close();
    }
  });

  it("two stacks applying additive bindings to the same roles at once, while a third of requests get 409 E0000268, lose no update: Okta ends with the union", async () => {
    const emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed() });
    const alice = (name: string, groupIds: string[]): ReliabilitySpec => ({
      type: "GroupTargetBinding",
      name,
      args: { userId: ORG.alice, roleType: "HELP_DESK_ADMIN", mode: "additive", groupIds },
    });
    const teamA = (groups: string[]) => [alice("team-a-groups", groups), cat("team-a-apps", ["slack", "pagerduty"])];
    const teamB = (groups: string[]) => [alice("team-b-groups", groups), inst("team-b-apps", [wiki, sfdc])];
    const stacks: TestProgram[] = [];
    try {
      stacks.push(await createProgram({ project: "team-a", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, teamA([ORG.emea, ORG.apac])) }));
      stacks.push(await createProgram({ project: "team-b", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, teamB([ORG.eng, ORG.extra])) }));
      const [a, b] = stacks;
      const start = emulator.state();
      const completions = recordCompletions(emulator);
      emulator.setFaults({ rate: 0.33, kinds: ["409"], seed: 11 });
      const [upA, upB] = await Promise.all([a.up(), b.up()]);
      expect(aliceGroups(emulator)).toEqual([ORG.apac, ORG.emea, ORG.eng, ORG.extra].sort());
      expect(itApps(emulator)).toEqual(["catalog:pagerduty", "catalog:slack", `instance:bookmark/${ORG.wiki}`, `instance:salesforce/${ORG.sfdc}`]);
      expect(upA.outputs.bindings.value["team-a-groups"].groupIds).toEqual([ORG.emea, ORG.apac]);
      expect(upB.outputs.bindings.value["team-b-groups"].groupIds).toEqual([ORG.eng, ORG.extra]);

      // Both drop one of their own groups at once: each removes only its own.
      await a.stack.setConfig("e2e:bindings", { value: JSON.stringify(teamA([ORG.emea])) });
      await b.stack.setConfig("e2e:bindings", { value: JSON.stringify(teamB([ORG.eng])) });
      await Promise.all([a.up(), b.up()]);
      emulator.setFaults(undefined);
      expect(aliceGroups(emulator)).toEqual([ORG.emea, ORG.eng].sort());
      expect(itApps(emulator)).toHaveLength(4);

      const entries = await allSettled(emulator);
      completions.stop();
      expect(unscopedMoments(start, entries, completions.order())).toEqual([]);
      const f = figuresOf(entries);
      expect(f.faultsByKind["409"]).toBeGreaterThan(0);
      expect(f.retried).toBeGreaterThanOrEqual(f.faults);
      figures.push(`two stacks at once: ${f.requests} requests, ${f.faults} 409 E0000268 injected, ${f.retried} retried, updates lost=0`);
    } finally {
      for (const s of stacks) await s.cleanup();
      await emulator.close();
    }
  });
});
