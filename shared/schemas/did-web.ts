// did:web syntax (W3C CCG "did:web Method Specification", §3.1–3.2): `did:web:` + a domain name, an
// optional port written as %3A<port>, then `:`-separated path segments. Pure, so the package schema
// (shared) and the DID document export (electron) judge a DID the same way.

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A path segment as RFC 3986 allows it, minus what would change the URL's meaning (no "/", "?", "#").
const SEGMENT = /^(?:[A-Za-z0-9._~!$&'()*+,;=@-]|%[0-9A-Fa-f]{2})+$/;

export interface DidWebParts {
  /** The host name, lower case. */
  host: string;
  port?: number;
  /** Path segments (still percent-encoded, as they appear in the URL). */
  path: string[];
}

/** What is wrong with `did` as a did:web DID, in words; undefined when it is one. */
export function didWebProblem(did: string): string | undefined {
  return parse(did).problem;
}

/** The parts of a did:web DID; throws with the reason for anything else. */
export function parseDidWeb(did: string): DidWebParts {
  const r = parse(did);
  if (r.problem !== undefined) throw new Error(r.problem);
  return r.parts;
}

function parse(did: string): { problem: string; parts?: undefined } | { problem?: undefined; parts: DidWebParts } {
  const bad = (why: string) => ({ problem: `"${did}" is not a did:web DID: ${why}` });
  if (!did.startsWith('did:')) return bad('a DID starts with "did:", e.g. did:web:pd.example.edu');
  if (!did.startsWith('did:web:'))
    return bad(`it uses the method "${did.split(':')[1] ?? ''}"; only did:web names an issuing body's web site`);
  if (/[#?/\s]/.test(did)) return bad('it may not contain "/", "?", "#" or spaces (path parts are separated by ":")');
  const [hostPort = '', ...path] = did.slice('did:web:'.length).split(':');
  const portMatch = /^(.*?)(?:%3[Aa](\d{1,5}))?$/.exec(hostPort)!;
  const host = portMatch[1]!;
  if (host === '') return bad('the domain name is missing');
  if (host !== host.toLowerCase()) return bad('write the domain name in lower case');
  if (host.length > 253) return bad('the domain name is longer than 253 characters');
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)))
    return bad(`"${host}" is not a domain name such as pd.example.edu`);
  // The spec forbids IP addresses: the DID must match the name in the site's TLS certificate.
  if (/^\d+$/.test(labels[labels.length - 1]!)) return bad('it names an IP address; did:web needs a domain name');
  let port: number | undefined;
  if (portMatch[2] !== undefined) {
    port = Number(portMatch[2]);
    if (port < 1 || port > 65535) return bad(`the port ${portMatch[2]} is out of range`);
  }
  if (path.some((s) => s === '')) return bad('it has an empty path part (two ":" in a row, or a ":" at the end)');
  const odd = path.find((s) => !SEGMENT.test(s) || s === '.' || s === '..');
  if (odd !== undefined) return bad(`the path part "${odd}" is not allowed in a URL path`);
  return { parts: { host, ...(port !== undefined ? { port } : {}), path } };
}

/**
 * Where the DID document of a did:web DID lives (spec §3.2 "Read"): https://<domain>[:port]/.well-known/did.json
 * without a path, https://<domain>[:port]/<path…>/did.json with one.
 */
export function didWebDocumentUrl(did: string): string {
  const { host, port, path } = parseDidWeb(did);
  const origin = `https://${host}${port !== undefined ? `:${port}` : ''}`;
  return path.length ? `${origin}/${path.join('/')}/did.json` : `${origin}/.well-known/did.json`;
}
