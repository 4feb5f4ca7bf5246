// An https web address a verifier outside Assay can reach (the status list, the verify page): pure, so
// the review package schema, the settings and the renderer judge one the same way.

export const MAX_URL = 2000;

/**
 * What is wrong with `value` as an https web address a verifier can reach (no user name or password,
 * no #fragment: the status list's entries and the QR's proof use the fragment), in words naming
 * `what`; undefined when it is one.
 */
export function httpsUrlProblem(value: string, what: string, example: string): string | undefined {
  const bad = (why: string) => `The ${what} ${why}; for example ${example}.`;
  if (value.length > MAX_URL) return bad(`is longer than ${MAX_URL} characters`);
  if (/\s/.test(value)) return bad('may not contain spaces; it must be an https:// web address');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad(`"${value}" is not a web address; it must start with https://`);
  }
  if (url.protocol !== 'https:')
    return bad(`must start with https:// (a verifier refuses "${url.protocol}" addresses), not "${value}"`);
  if (url.hostname === '') return bad('names no web site');
  if (url.username !== '' || url.password !== '') return bad('may not hold a user name or password');
  if (value.includes('#')) return bad('may not hold a "#" part');
  return undefined;
}
