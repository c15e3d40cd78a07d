// Looks for secret values in text and files: whole values, and for a private key every line
// of its PEM body and every private JWK member, so a re-encoded key is caught too.
import { createPrivateKey } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** A named secret and the strings whose appearance would leak it. */
export interface Secret {
  name: string;
  fragments: string[];
}

/** A secret given as one string. */
export function secretValue(name: string, value: string): Secret {
  return { name, fragments: [value] };
}

/** A PEM private key: its base64 body lines and the private members of its JWK form. */
export function privateKeySecret(name: string, pem: string): Secret {
  const lines = pem.split("\n").filter((l) => l.length >= 40 && !l.startsWith("-----"));
  const jwk = createPrivateKey(pem).export({ format: "jwk" }) as Record<string, string>;
  const members = ["d", "p", "q", "dp", "dq", "qi"].map((k) => jwk[k]).filter((v): v is string => typeof v === "string");
  return { name, fragments: [...lines, ...members] };
}

/** A place to search. */
export interface Haystack {
  where: string;
  text: string;
}

/** Every file under `dir` (skipping node_modules and files over 20 MB), as haystacks. */
export function filesUnder(dir: string, label: string): Haystack[] {
  const out: Haystack[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(full);
      } else if (entry.isFile() && fs.statSync(full).size < 20 * 1024 * 1024) {
        out.push({ where: `${label}/${path.relative(dir, full)}`, text: fs.readFileSync(full, "latin1") });
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** `secret name in where` for every secret fragment found in any haystack. */
export function findLeaks(haystacks: readonly Haystack[], secrets: readonly Secret[]): string[] {
  const leaks: string[] = [];
  for (const h of haystacks) {
    for (const s of secrets) {
      if (s.fragments.some((f) => f.length > 0 && h.text.includes(f))) leaks.push(`${s.name} in ${h.where}`);
    }
  }
  return leaks;
}
