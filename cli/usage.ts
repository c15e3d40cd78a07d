// The --help texts, written for the people who run the commands.

const CONNECTION = `Connecting (the same settings as the provider; flags win over the environment):
  --org-url URL            the org, e.g. https://dev-123456.okta.com   (env OKTA_ORG_URL)
  --org-name NAME          or the org's first label ...                 (env OKTA_ORG_NAME)
  --base-url DOMAIN        ... and its parent domain, default okta.com  (env OKTA_BASE_URL)
  Credentials come from the environment only, never from flag values (they would end up
  in your shell history and in process lists):
    OKTA_API_TOKEN                          an API token (read-only admin is enough), or
    OKTA_ACCESS_TOKEN                       an OAuth access token, or
    OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY   a service app (private_key_jwt)
  --api-token-env VAR      read the API token from variable VAR instead
  --access-token-env VAR   read the access token from variable VAR instead
  --client-id ID           the service app's client id                  (env OKTA_API_CLIENT_ID)
  --private-key-file PATH  the service app's PEM key file               (env OKTA_API_PRIVATE_KEY)
  --private-key-id KID     the key id                                   (env OKTA_API_PRIVATE_KEY_ID)
  --scopes "a b"           scopes to ask for; default okta.roles.read okta.users.read
                           okta.groups.read okta.apps.read              (env OKTA_API_SCOPES)
  --allow-insecure-http    allow a plain-http org URL that is not loopback

Pace and progress:
  --max-api-capacity PCT   use at most this percent of each Okta rate-limit bucket, so
                           other clients of the org keep working (1-100, default 100;
                           env MAX_API_CAPACITY, like the provider's okta:maxApiCapacity)
  --concurrency N          requests in flight at once (default 4)
  --progress MODE          auto (default: a live line on a terminal, plain lines otherwise
                           and when CI is set), tty, plain or none
  --quiet                  same as --progress none`;

const DISCOVERY = `What it reads, and what each mode can miss:
  default      Users: GET /api/v1/iam/assignees/users (1 call per 200 users who hold a role),
               then 1 call per such user for their roles, which also shows roles they hold
               through a group. Service apps: 1 call per 200 OIDC apps, then 1 per service app.
               Groups: only those seen through a member's role list, then 2 calls per group
               (its name and first page of members).
               It can miss: roles held by a group with no members; and, if the org's
               assignee list leaves out users who hold roles only through a group (Okta does
               not document which), roles of groups none of whose members hold a role of their own.
  --complete   Also lists every group (1 call per 200 groups) and reads each group's roles
               (1 call per group): nothing is missed, at the cost of one call per group.
  Both modes then read 1 call per user holder (login and status) and 1 call per targetable
  role assignment for its targets (200 a page). Nothing is written: the tool only sends GET
  requests (and, for a service app, the token request).`;

/** `pulumi-okta-role-targets --help`. */
export const MAIN_USAGE = `Usage: pulumi-okta-role-targets <command> [options]

Bring an Okta org's delegated admin roles under Pulumi.

Commands:
  audit    list every admin role assignment, who holds it, and what it is scoped to;
           unscoped roles (which apply to ALL groups or ALL apps) come first
  export   write a Pulumi TypeScript program that adopts those scopes as they are

Run 'pulumi-okta-role-targets <command> --help' for a command's options.
`;

/** `audit --help`. */
export const AUDIT_USAGE = `Usage: pulumi-okta-role-targets audit [options]

Lists every admin role assignment held by users, groups and OAuth service apps. For the
roles that take targets (USER_ADMIN, HELP_DESK_ADMIN, GROUP_MEMBERSHIP_ADMIN: groups;
APP_ADMIN: apps) it shows the targets by name, and marks the role UNSCOPED when it has none,
because Okta then applies it to ALL groups or ALL apps. Other roles (SUPER_ADMIN, ORG_ADMIN,
READ_ONLY_ADMIN, ...) are listed and marked as taking no targets. It also flags deactivated
users who still hold a role and group roles whose group has no members.

Output (stdout):
  (default)    a table for the terminal
  --json       the report as JSON; its schema is cli/audit-report.schema.json in the package
               (schemaVersion 1: fields are only ever added)
  --markdown   a Markdown table for a pull request or a ticket
  --complete   read every group too (see below)

Exit codes:
  0  no targetable role is unscoped
  3  at least one targetable role is unscoped (a scheduled job can alert on it)
  1  the audit failed (the message says why and what to do)
  2  the command line is wrong

${DISCOVERY}

${CONNECTION}
`;

/** `export --help`. */
export const EXPORT_USAGE = `Usage: pulumi-okta-role-targets export --out DIR [options]

Audits the org (or reads a saved 'audit --json' report) and writes a ready-to-run Pulumi
TypeScript program into DIR: index.ts, package.json, Pulumi.yaml, tsconfig.json and a README
with the adoption steps. It declares one binding per role assignment and kind of target,
exactly as they are today, so its first 'pulumi up' changes nothing in Okta.
Unscoped roles are written as commented-out bindings with a TODO: choose their targets
(or remove the role) yourself; the program never widens or narrows them silently.

Options:
  --out DIR             where to write (created; refused if it exists and is not empty)
  --from-report FILE    export a saved 'audit --json' report instead of reading the org
  --principals LIST     holders to include: user,group,client (default all)
  --roles LIST          role types to include, e.g. HELP_DESK_ADMIN,APP_ADMIN (default all)
  --kinds LIST          targets to include: groups,catalogApps,appInstances (default all)
  --mode MODE           additive (default): the program owns only the targets it lists and
                        leaves others alone; authoritative: it removes targets it does not list
  --project NAME        the Pulumi project name (default okta-role-targets)
  --complete            audit every group too (see 'audit --help')

Exit codes: 0 written, 1 failed, 2 the command line is wrong.

${CONNECTION}
`;
