// Reads who each holder is: a user's login and status, a group's name and members, a client's label.
import { isOktaApiError } from "../../sdk";
import { mapLimit } from "../map-limit";
import type { Progress } from "../progress";
import type { AuditHolder } from "./audit-report";
import type { Discovery } from "./discover-assignments";
import type { OrgReader } from "./org-reader";

/** The page size of the member list: a full first page means "this many or more". */
const MEMBER_PAGE = 200;

/** Holders keyed `kind/id`: one GET per user, and per group its GET (unless listed) and one member page. */
export async function readHolders(reader: OrgReader, found: Discovery, concurrency: number, progress: Progress): Promise<Map<string, AuditHolder>> {
  const holders = new Map<string, AuditHolder>();
  const wanted = new Map<string, { kind: "user" | "group" | "client"; id: string }>();
  for (const a of found.assignments.values()) wanted.set(`${a.holderKind}/${a.holderId}`, { kind: a.holderKind, id: a.holderId });
  const toRead = [...wanted.values()].filter((h) => h.kind !== "client");
  for (const h of wanted.values()) {
    if (h.kind !== "client") continue;
    const app = found.clients.get(h.id);
    holders.set(`client/${h.id}`, { kind: "client", id: h.id, name: app?.label ?? h.id, ...(app?.status ? { status: app.status } : {}) });
  }
  progress.phase("reading role holders", toRead.length);
  await mapLimit(toRead, concurrency, async ({ kind, id }) => {
    holders.set(`${kind}/${id}`, kind === "user" ? await readUser(reader, id) : await readGroup(reader, found, id));
    progress.step();
  });
  return holders;
}

async function readUser(reader: OrgReader, id: string): Promise<AuditHolder> {
  const user = await orMissing(() => reader.user(id));
  if (!user) return { kind: "user", id, name: id, status: "GONE" };
  return { kind: "user", id, name: user.profile?.login ?? id, ...(user.status ? { status: user.status } : {}) };
}

async function readGroup(reader: OrgReader, found: Discovery, id: string): Promise<AuditHolder> {
  const group = found.groups.get(id) ?? (await orMissing(() => reader.group(id)));
  if (!group) return { kind: "group", id, name: id, status: "GONE" };
  const members = await reader.firstMembers(id);
  return { kind: "group", id, name: group.profile?.name ?? id, members: { count: members.length, more: members.length >= MEMBER_PAGE } };
}

// A holder deleted while the audit ran reads as 404; that is a finding, not a failure.
async function orMissing<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isOktaApiError(error, 404)) return undefined;
    throw error;
  }
}
