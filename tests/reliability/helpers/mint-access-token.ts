// Gets an access token from the emulator's token endpoint the way a service app would,
// with a private_key_jwt assertion, for exactly the scopes asked for.
import { createPrivateKey, randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/** Asks `orgUrl`'s token endpoint for a client_credentials token with `scopes`. */
export async function mintAccessToken(orgUrl: string, clientId: string, privateKeyPem: string, scopes: string[]): Promise<string> {
  const tokenUrl = `${orgUrl}/oauth2/v1/token`;
  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .setJti(randomUUID())
    .sign(createPrivateKey(privateKeyPem));
  const res = await fetch(tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      scope: scopes.join(" "),
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || !body.access_token) throw new Error(`token endpoint answered ${res.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}
