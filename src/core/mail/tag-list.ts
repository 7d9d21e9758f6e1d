// DKIM-style tag lists (RFC 6376 §3.2): "tag=value; tag=value", used by
// DKIM-Signature, ARC-Seal and ARC-Message-Signature. Here only for showing
// the tags and reading the ARC set's i= and cv=; verifying DKIM signatures
// (and the full DKIM-Signature grammar) is the DKIM engine's job.

export interface Tag {
  name: string;
  /** The value with folding whitespace removed (RFC 6376 §3.2: FWS inside values is ignored for b=, bh=). */
  value: string;
}

export function parseTagList(raw: string): { tags: Tag[]; problems: string[] } {
  const tags: Tag[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const spec of raw.split(';')) {
    if (!spec.trim()) continue;
    const eq = spec.indexOf('=');
    if (eq < 0) {
      problems.push(`"${spec.trim().slice(0, 40)}" is not a tag=value pair`);
      continue;
    }
    const name = spec.slice(0, eq).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
      problems.push(`"${name}" is not a valid tag name`);
      continue;
    }
    // RFC 6376 §3.2: "Tags with duplicate names MUST NOT occur within a single tag-list"
    if (seen.has(name)) problems.push(`tag ${name}= appears twice`);
    seen.add(name);
    tags.push({
      name,
      value: spec
        .slice(eq + 1)
        .replace(/\s+/g, ' ')
        .trim(),
    });
  }
  return { tags, problems };
}

export function tagValue(tags: Tag[], name: string): string | null {
  return tags.find((t) => t.name === name)?.value ?? null;
}
