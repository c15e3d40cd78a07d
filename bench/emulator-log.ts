// Reads and clears the emulator's request log over its control routes, and classifies requests.

/** The fields of a request-log entry the benchmarks use. */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number | null;
  family: string;
  /** ISO arrival time on the emulator's clock. */
  time: string;
}

/** Everything logged since the last clear (control routes are never logged). */
export async function fetchRequests(url: string): Promise<LoggedRequest[]> {
  const res = await fetch(`${url}/__emulator/requests`);
  if (!res.ok) throw new Error(`GET /__emulator/requests answered ${res.status}`);
  return (await res.json()) as LoggedRequest[];
}

/** Empties the request log. */
export async function clearRequests(url: string): Promise<void> {
  const res = await fetch(`${url}/__emulator/requests`, { method: "DELETE" });
  if (!res.ok) throw new Error(`DELETE /__emulator/requests answered ${res.status}`);
}

/** Puts the org back to the emulator's start-up seed (rate-limit windows start afresh). */
export async function resetOrg(url: string): Promise<void> {
  const res = await fetch(`${url}/__emulator/reset`, { method: "POST" });
  if (!res.ok) throw new Error(`POST /__emulator/reset answered ${res.status}`);
}

/** What a request was for, in the terms the API-call floor uses. */
export type RequestClass = "roleLookup" | "list" | "write" | "other";

/** Classifies by endpoint family and method: role lookups, target lists, target writes, anything else. */
export function classify(r: LoggedRequest): RequestClass {
  if (r.family === "role-assignments" && r.method === "GET") return "roleLookup";
  if (r.family === "role-targets") return r.method === "GET" ? "list" : "write";
  return "other";
}

/** Counts requests per class. */
export function countByClass(requests: LoggedRequest[]): Record<RequestClass, number> {
  const counts: Record<RequestClass, number> = { roleLookup: 0, list: 0, write: 0, other: 0 };
  for (const r of requests) counts[classify(r)] += 1;
  return counts;
}
