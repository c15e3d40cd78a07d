// The words a drift run prints when a role has lost every target of a binding's kind.
import { BindingOutputs } from "./binding-types";
import { describePrincipal, principalOf } from "./principal-of";

/**
 * Says that the role now applies to ALL groups or apps, and how to narrow it
 * again; a diff alone would make this look routine.
 */
export function unscopedAlarm(props: Pick<BindingOutputs, "kind" | "roleType" | "userId" | "groupId" | "clientId">): string {
  const all = props.kind === "group" ? "groups" : "apps";
  return (
    `UNSCOPED: ${props.roleType} of ${describePrincipal(principalOf(props))} has no ${props.kind === "group" ? "group" : "app"} ` +
    `targets left in Okta, so it applies to ALL ${all} in the org. Run \`pulumi up --refresh\` to put back the declared ` +
    `targets (it restores those that still exist first, then names any that no longer do).`
  );
}
