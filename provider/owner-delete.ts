// The words the delete of a role's owner uses when other live bindings still use the role.
import { BindingOutputs } from "./binding-types";
import { Claim, bindingName } from "./claim-registry";
import { describePrincipal, principalOf } from "./principal-of";

/**
 * Says why the owner of a role (`assignRole: true`) did not unassign it: other
 * live bindings of the program use the role, and none of them owns it.
 */
export function ownerDeleteRefusal(props: BindingOutputs, users: readonly Claim[]): string {
  const names = users.map((c) => `"${bindingName(c.urn)}"`).join(", ");
  return (
    `refusing to delete: this binding owns ${props.roleType} of ${describePrincipal(principalOf(props))} (assignRole: true), and ` +
    `${names} of this program ${users.length === 1 ? "uses" : "use"} that role assignment. Deleting the owner would unassign the role ` +
    `under ${users.length === 1 ? "it" : "them"}. Nothing was changed. Set assignRole: true on ${users.length === 1 ? names : "one of them"} ` +
    `in the same run (ownership moves and this delete then removes only its own targets), or remove ${users.length === 1 ? "it" : "them"} too.`
  );
}
