// Readable, unique Pulumi resource names from holder, role and binding kind.

/** Lower-case words joined by '-', at most 60 characters: "user-alice-example-com-help-desk-admin-groups". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "binding"
  );
}

/** One name per entry; when two bases collide, each colliding one gets its holder id's tail. */
export function uniqueNames(entries: { base: string; id: string }[]): string[] {
  const slugs = entries.map((e) => slug(e.base));
  const counts = new Map<string, number>();
  for (const s of slugs) counts.set(s, (counts.get(s) ?? 0) + 1);
  const used = new Set<string>();
  return slugs.map((s, i) => {
    let name = (counts.get(s) ?? 0) > 1 ? `${s}-${slug(entries[i]?.id ?? "").slice(-8)}` : s;
    for (let n = 2; used.has(name); n++) name = `${s}-${n}`;
    used.add(name);
    return name;
  });
}
