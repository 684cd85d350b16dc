// If-None-Match, as RFC 9110 reads it: a list of entity tags compared weakly (W/ ignored), or "*" for any.

export function ifNoneMatchHas(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  const wanted = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim() === "*" || candidate.trim().replace(/^W\//, "") === wanted);
}
