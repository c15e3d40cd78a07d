// What every live binding of this run declares, per principal, role and kind, so no binding takes away another's targets.
import { Principal } from "../sdk/types";
import { BindingMode } from "./plan";
import { TargetKind } from "./target-ref";

/** The role a claim is on: the type, the assignment id, or both once known. */
export interface ClaimedRole {
  readonly type?: string;
  readonly id?: string;
}

/** One live binding's declaration, as its latest `check` or `diff` saw it. */
export interface Claim {
  /** The binding's URN: one claim per binding, replaced by its next check. */
  readonly urn: string;
  readonly principal: Principal;
  readonly role: ClaimedRole;
  readonly kind: TargetKind;
  readonly mode: BindingMode;
  /** Target keys the binding declares. */
  readonly declared: readonly string[];
  /** Target keys its state managed and its new declaration drops (known from `diff`). */
  readonly released: readonly string[];
  /** The binding owns the role assignment (`assignRole: true`): it assigns it and its delete unassigns it. */
  readonly ownsRole?: boolean;
}

/** The binding a question is asked for: its principal and role, and its URN when it is live itself. */
export interface ClaimScope {
  readonly principal: Principal;
  readonly role: ClaimedRole;
  readonly kind: TargetKind;
  /** Leave out this binding's own claim (an update of a live binding); a delete leaves out nothing. */
  readonly except?: string;
}

/** True when two role descriptions name the same role assignment of the same principal. */
export function sameRole(a: ClaimedRole, b: ClaimedRole): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.type !== undefined && a.type === b.type;
}

function samePrincipal(a: Principal, b: Principal): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** The readable name of a binding, from its URN (`…::hd` → `hd`). */
export function bindingName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2) || urn;
}

/**
 * The claims of every binding the engine has checked in this provider process.
 * The engine runs `check` (and `diff`) for every binding of the program before
 * it runs any delete, so a delete sees the whole program; a create or update
 * sees the bindings checked before it, and a binding checked later repairs
 * what an earlier write took from it (see {@link ClaimRegistry.removedFrom}).
 */
export class ClaimRegistry {
  private readonly claims = new Map<string, Claim>();
  private readonly removed = new Map<string, Set<string>>();
  private readonly waiters = new Set<() => void>();

  /** Records or replaces the claim of `claim.urn`, keeping what an earlier call learned of its role and releases. */
  record(claim: Claim): void {
    const before = this.claims.get(claim.urn);
    const role = { type: claim.role.type ?? before?.role.type, id: claim.role.id ?? before?.role.id };
    const released = claim.released.length ? claim.released : before?.released ?? [];
    this.claims.set(claim.urn, { ...claim, role, released });
    for (const wake of [...this.waiters]) wake();
  }

  /** Adds what a later step learned of a binding's role (its assignment id once resolved). */
  learnRole(urn: string, role: ClaimedRole): void {
    const before = this.claims.get(urn);
    if (before) this.record({ ...before, role: { type: role.type ?? before.role.type, id: role.id ?? before.role.id } });
  }

  /** Other live claims on the scope's principal and role, of any kind. */
  onRole(scope: Omit<ClaimScope, "kind">): Claim[] {
    return [...this.claims.values()].filter(
      (c) => c.urn !== scope.except && samePrincipal(c.principal, scope.principal) && sameRole(c.role, scope.role),
    );
  }

  /** Other live claims on the scope's principal and role that own the role assignment (`assignRole: true`). */
  ownersOf(scope: Omit<ClaimScope, "kind">): Claim[] {
    return this.onRole(scope).filter((c) => c.ownsRole === true);
  }

  /** Other live claims on the scope's principal, role and kind. */
  onKind(scope: ClaimScope): Claim[] {
    return this.onRole(scope).filter((c) => c.kind === scope.kind);
  }

  /** Target keys of the scope's kind that other live bindings declare: no write of ours may remove them. */
  claimedKeys(scope: ClaimScope): Set<string> {
    return new Set(this.onKind(scope).flatMap((c) => c.declared));
  }

  /** Keys some live binding dropped from its declaration in this run and no live binding declares. */
  releasedKeys(scope: Omit<ClaimScope, "kind">, kind: TargetKind): Set<string> {
    const claims = this.onRole({ ...scope, except: undefined }).filter((c) => c.kind === kind);
    const declared = new Set(claims.flatMap((c) => c.declared));
    return new Set(claims.flatMap((c) => c.released).filter((k) => !declared.has(k)));
  }

  /** Notes that a binding removed `keys` of `kind` from a role in this run. */
  noteRemoved(principal: Principal, roleId: string, kind: TargetKind, keys: readonly string[]): void {
    const at = `${principal.kind}/${principal.id}/${roleId}/${kind}`;
    const set = this.removed.get(at) ?? new Set<string>();
    for (const k of keys) set.add(k);
    this.removed.set(at, set);
  }

  /** Keys of `kind` removed from the role in this run by any binding's write. */
  removedFrom(principal: Principal, roleId: string, kind: TargetKind): ReadonlySet<string> {
    return this.removed.get(`${principal.kind}/${principal.id}/${roleId}/${kind}`) ?? new Set();
  }

  /**
   * Resolves true as soon as `ready()` holds after a claim is recorded, or false
   * once `timeout` (a promise from the caller's clock) settles first.
   */
  async waitFor(ready: () => boolean, timeout: Promise<void>): Promise<boolean> {
    if (ready()) return true;
    let wake: () => void = () => undefined;
    const recorded = new Promise<boolean>((resolve) => {
      wake = () => {
        if (ready()) resolve(true);
      };
      this.waiters.add(wake);
    });
    try {
      return await Promise.race([recorded, timeout.then(() => ready())]);
    } finally {
      this.waiters.delete(wake);
    }
  }
}
