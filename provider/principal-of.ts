// Picks the principal (user, group or OAuth client) a binding's inputs name.
import { Principal } from "../sdk/types";
import { BindingInputs } from "./binding-types";

/** The principal named by exactly one of userId, groupId and clientId. */
export function principalOf(inputs: Pick<BindingInputs, "userId" | "groupId" | "clientId">): Principal {
  if (inputs.userId) return { kind: "user", id: inputs.userId };
  if (inputs.groupId) return { kind: "group", id: inputs.groupId };
  if (inputs.clientId) return { kind: "client", id: inputs.clientId };
  throw new Error("set exactly one of userId, groupId or clientId");
}

/** `user 00u…`, `group 00g…` or `OAuth client 0oa…`, for messages. */
export function describePrincipal(p: Principal): string {
  return p.kind === "client" ? `OAuth client ${p.id}` : `${p.kind} ${p.id}`;
}
