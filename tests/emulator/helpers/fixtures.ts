// Creates directory objects through the emulator's API, the way a real client would.
import { expectStatus, type Api } from "./api";

let counter = 0;

/** Creates an active user and returns its id. */
export async function createUser(api: Api, name = `user${++counter}`): Promise<string> {
  const profile = { login: `${name}@example.com`, email: `${name}@example.com`, firstName: name, lastName: "Test" };
  return expectStatus(await api("POST", "/api/v1/users?activate=true", { profile }), 200).body.id;
}

/** Creates a group and returns its id. */
export async function createGroup(api: Api, name = `group${++counter}`): Promise<string> {
  return expectStatus(await api("POST", "/api/v1/groups", { profile: { name, description: "test group" } }), 200).body.id;
}

/** Creates an app instance of an OIN catalog app and returns its id. */
export async function createApp(api: Api, name: string, label = `${name} ${++counter}`): Promise<string> {
  const settings = { app: { url: "https://apps.example.com/" } };
  return expectStatus(await api("POST", "/api/v1/apps?activate=true", { name, label, settings }), 200).body.id;
}

/** Creates an OAuth service app (client_credentials) and returns its id, which is its client_id. */
export async function createServiceApp(api: Api, label = `service ${++counter}`, applicationType = "service"): Promise<string> {
  const body = {
    name: "oidc_client",
    label,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: applicationType, grant_types: ["client_credentials"], response_types: ["token"] } },
  };
  return expectStatus(await api("POST", "/api/v1/apps?activate=true", body), 200).body.id;
}

/** Assigns a role to a principal base path (e.g. /api/v1/users/{id}) and returns the assignment id. */
export async function assignRole(api: Api, base: string, type: string): Promise<string> {
  return expectStatus(await api("POST", `${base}/roles`, { type }), 201).body.id;
}
