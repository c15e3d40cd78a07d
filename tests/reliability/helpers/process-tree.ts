// Finds the processes and process groups under a process, so a simulated crash can take down
// the CLI and the plugins the engine starts in process groups of their own (or only the CLI).
import * as fs from "node:fs";
import { commandLine } from "../../e2e/proc-state";

interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
}

function readProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the parenthesised command: state ppid pgrp ...
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.push({ pid: Number(name), ppid: Number(rest[1]), pgid: Number(rest[2]) });
    } catch {
      // the process exited while we looked
    }
  }
  return out;
}

/** The process groups of `rootPid` and all its descendants (Linux /proc). */
export function processGroupsUnder(rootPid: number): number[] {
  const procs = readProcs();
  const children = new Map<number, ProcInfo[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const groups = new Set<number>();
  const stack = procs.filter((p) => p.pid === rootPid);
  while (stack.length) {
    const p = stack.pop() as ProcInfo;
    groups.add(p.pgid);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return [...groups];
}

/** One running process under another, with its command line. */
export interface Descendant {
  pid: number;
  ppid: number;
  command: string;
}

/** Every process below `rootPid` (children, their children, ...), read from /proc. */
export function descendantsOf(rootPid: number): Descendant[] {
  const procs = readProcs();
  const out: Descendant[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const parent = stack.pop() as number;
    for (const p of procs.filter((q) => q.ppid === parent)) {
      out.push({ pid: p.pid, ppid: p.ppid, command: commandLine(p.pid) });
      stack.push(p.pid);
    }
  }
  return out;
}

/** SIGKILLs each group; returns the groups it signalled. */
export function killGroups(pgids: readonly number[]): number[] {
  const killed: number[] = [];
  for (const g of pgids) {
    try {
      process.kill(-g, "SIGKILL");
      killed.push(g);
    } catch {
      // already gone
    }
  }
  return killed;
}

/** True when no process of group `pgid` is running any more (zombies awaiting a reaper count as dead). */
export function groupDead(pgid: number): boolean {
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(rest[2]) === pgid && rest[0] !== "Z" && rest[0] !== "X") return false;
    } catch {
      // exited while we looked
    }
  }
  return true;
}

/** Polls /proc until every group has died; rejects after `timeoutMs`. */
export async function waitForGroupsDead(pgids: readonly number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pgids.every(groupDead)) {
    if (Date.now() > deadline) throw new Error(`process groups still running after SIGKILL: ${pgids.filter((g) => !groupDead(g)).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
