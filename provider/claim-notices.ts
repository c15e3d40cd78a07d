// The words a delete uses when it leaves targets or a role in place for other live bindings.
import { BindingOutputs } from "./binding-types";
import { Claim, bindingName } from "./claim-registry";
import { describePrincipal, principalOf } from "./principal-of";
import { TargetRef, describeTarget, targetKey } from "./target-ref";

const names = (claims: readonly Claim[]) => claims.map((c) => `"${bindingName(c.urn)}"`).join(", ");

/** Says which targets a delete left because other live bindings declare them, naming those bindings. */
export function shareNotice(props: BindingOutputs, shared: readonly TargetRef[], claims: readonly Claim[]): string {
  const lines = shared.map((t) => {
    const owners = claims.filter((c) => c.declared.includes(targetKey(t)));
    return `${describeTarget(t)} (declared by ${names(owners)})`;
  });
  return `left ${lines.join(", ")} on ${props.roleType} of ${describePrincipal(principalOf(props))}`;
}

/** Says why `unassignRole` kept the role and which target stays, naming the bindings that use the role. */
export function roleKeptNotice(props: BindingOutputs, target: string, users: readonly Claim[]): string {
  return (
    `did not unassign ${props.roleType} from ${describePrincipal(principalOf(props))}: ${names(users)} of this program ` +
    `${users.length === 1 ? "uses" : "use"} the role. Kept ${target}, its last target here, so the role stays narrowly scoped.`
  );
}
