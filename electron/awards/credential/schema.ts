// OB 3.0 credential shape checks: our own structural rules, plus an optional JSON Schema validator passed in.

/** What a compiled JSON Schema validator looks like (an Ajv ValidateFunction fits); production has no Ajv. */
export interface JsonSchemaValidator {
  (data: unknown): boolean;
  errors?: readonly { instancePath: string; message?: string }[] | null;
}

export interface Ob3Problem {
  /** JSON path such as `credentialSubject.result[1].type`. */
  path: string;
  message: string;
  /** "structure": our own rules (always run); "schema": the official JSON Schema (when given). */
  source: 'structure' | 'schema';
}

export interface Ob3ValidationResult {
  valid: boolean;
  problems: Ob3Problem[];
}

const OB_CONTEXT = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/;
const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** JSON-LD lets `type` be one string or a list; both are accepted, the named type must be among them. */
function types(v: unknown): string[] | null {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string')) return v;
  return null;
}

class Checker {
  readonly problems: Ob3Problem[] = [];
  add(path: string, message: string): void {
    this.problems.push({ path, message, source: 'structure' });
  }
  /** Checks `type` includes one of `wanted`; reports at `path.type`. */
  typed(obj: Obj, path: string, wanted: readonly string[]): void {
    const t = types(obj['type']);
    const at = path ? `${path}.type` : 'type';
    if (t === null) this.add(at, 'is missing or not a string or list of strings');
    else if (!wanted.some((w) => t.includes(w)))
      this.add(
        at,
        `must include ${wanted.map((w) => `"${w}"`).join(' or ')} (has ${t.map((x) => `"${x}"`).join(', ')})`,
      );
  }
  string(obj: Obj, key: string, path: string, required: boolean): void {
    const v = obj[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, 'is required but missing');
    } else if (!isNonEmptyString(v)) this.add(`${path}.${key}`, 'must be a non-empty string');
  }
  list(obj: Obj, key: string, path: string, each: (item: Obj, at: string) => void): void {
    const v = obj[key];
    if (v === undefined) return;
    if (!Array.isArray(v)) {
      this.add(`${path}.${key}`, 'must be a list');
      return;
    }
    v.forEach((item, i) => {
      const at = `${path}.${key}[${i}]`;
      if (isObject(item)) each(item, at);
      else this.add(at, 'must be an object');
    });
  }
}

/**
 * Structural rules that need no schema file, so `assay verify` rejects a malformed credential even
 * where the official schema is not shipped. They follow the OB 3.0 data model, not JSON-LD syntax.
 */
export function checkOb3Structure(json: unknown): Ob3Problem[] {
  const c = new Checker();
  if (!isObject(json)) {
    c.add('(the credential)', 'must be a JSON object');
    return c.problems;
  }
  const ctx = json['@context'];
  if (!Array.isArray(ctx) || ctx[0] !== VC_V2_CONTEXT)
    c.add('@context', `must be a list starting with "${VC_V2_CONTEXT}"`);
  else if (!ctx.some((u) => typeof u === 'string' && OB_CONTEXT.test(u)))
    c.add(
      '@context',
      'must include an Open Badges 3.0 context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json)',
    );

  if (!isNonEmptyString(json['id'])) c.add('id', 'is required: a URI naming the credential');
  c.typed(json, '', ['VerifiableCredential']);
  c.typed(json, '', ['OpenBadgeCredential', 'AchievementCredential']);

  const issuer = json['issuer'];
  if (issuer === undefined) c.add('issuer', 'is required but missing');
  else if (isObject(issuer)) {
    c.string(issuer, 'id', 'issuer', true);
    c.typed(issuer, 'issuer', ['Profile']);
  } else if (!isNonEmptyString(issuer)) c.add('issuer', 'must be a Profile object or the URI of one');

  const validFrom = json['validFrom'];
  if (validFrom === undefined) c.add('validFrom', 'is required but missing');
  else if (typeof validFrom !== 'string' || !DATE_TIME.test(validFrom))
    c.add('validFrom', 'must be a date-time with a time zone');
  const validUntil = json['validUntil'];
  if (validUntil !== undefined && (typeof validUntil !== 'string' || !DATE_TIME.test(validUntil)))
    c.add('validUntil', 'must be a date-time with a time zone');

  const subject = json['credentialSubject'];
  if (!isObject(subject))
    c.add(
      'credentialSubject',
      subject === undefined ? 'is required but missing' : 'must be one AchievementSubject object',
    );
  else checkSubject(c, subject);

  const proof = json['proof'];
  if (proof !== undefined) {
    const proofs = Array.isArray(proof) ? proof : [proof];
    proofs.forEach((p, i) => {
      const at = Array.isArray(proof) ? `proof[${i}]` : 'proof';
      if (!isObject(p)) c.add(at, 'must be an object');
      else if (!isNonEmptyString(p['type'])) c.add(`${at}.type`, 'is required: the proof type');
    });
  }
  const status = json['credentialStatus'];
  if (status !== undefined) {
    if (!isObject(status)) c.add('credentialStatus', 'must be an object');
    else {
      c.string(status, 'id', 'credentialStatus', true);
      c.string(status, 'type', 'credentialStatus', true);
    }
  }
  return c.problems;
}

function checkSubject(c: Checker, s: Obj): void {
  const p = 'credentialSubject';
  c.typed(s, p, ['AchievementSubject']);
  const identifier = s['identifier'];
  if (s['id'] === undefined && !(Array.isArray(identifier) && identifier.length > 0))
    c.add(p, 'must have an id or at least one identifier: a credential must say whom it is about');
  if (s['id'] !== undefined) c.string(s, 'id', p, true);
  c.list(s, 'identifier', p, (idObj, at) => {
    if (idObj['type'] !== 'IdentityObject') c.add(`${at}.type`, 'must be "IdentityObject"');
    if (typeof idObj['hashed'] !== 'boolean') c.add(`${at}.hashed`, 'must be true or false');
    c.string(idObj, 'identityHash', at, true);
    c.string(idObj, 'identityType', at, true);
  });
  if (s['creditsEarned'] !== undefined && typeof s['creditsEarned'] !== 'number')
    c.add(`${p}.creditsEarned`, 'must be a number');

  const a = s['achievement'];
  if (!isObject(a))
    c.add(`${p}.achievement`, a === undefined ? 'is required but missing' : 'must be an Achievement object');
  else {
    const ap = `${p}.achievement`;
    c.string(a, 'id', ap, true);
    c.typed(a, ap, ['Achievement']);
    c.string(a, 'name', ap, true);
    if (typeof a['description'] !== 'string') c.add(`${ap}.description`, 'is required: a string');
    if (!isObject(a['criteria'])) c.add(`${ap}.criteria`, 'is required: an object with a narrative or an id');
    c.list(a, 'resultDescription', ap, (rd, at) => {
      c.string(rd, 'id', at, true);
      c.typed(rd, at, ['ResultDescription']);
      c.string(rd, 'name', at, true);
      c.string(rd, 'resultType', at, true);
      c.string(rd, 'requiredLevel', at, false);
      c.list(rd, 'rubricCriterionLevel', at, (level, lat) => {
        c.string(level, 'id', lat, true);
        c.typed(level, lat, ['RubricCriterionLevel']);
        c.string(level, 'name', lat, true);
        if (level['points'] !== undefined && typeof level['points'] !== 'string')
          c.add(`${lat}.points`, 'must be a string (OB 3.0 types points as text)');
      });
    });
  }
  c.list(s, 'result', p, (r, at) => {
    c.typed(r, at, ['Result']);
    c.string(r, 'resultDescription', at, false);
    c.string(r, 'achievedLevel', at, false);
    if (r['value'] !== undefined && typeof r['value'] !== 'string') c.add(`${at}.value`, 'must be a string');
  });
}

/** `/credentialSubject/result/1/type` → `credentialSubject.result[1].type`. */
function pointerToPath(pointer: string): string {
  if (pointer === '') return '(the credential)';
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

/**
 * Validates an OB 3.0 credential: structural rules always, and the official AchievementCredential
 * JSON Schema when a validator compiled from it is given (Ajv 2019 + ajv-formats in tests).
 */
export function validateOb3(json: unknown, schemaValidator?: JsonSchemaValidator): Ob3ValidationResult {
  const problems = checkOb3Structure(json);
  if (schemaValidator && !schemaValidator(json)) {
    for (const e of schemaValidator.errors ?? [])
      problems.push({
        path: pointerToPath(e.instancePath),
        message: e.message ?? 'does not match the schema',
        source: 'schema',
      });
    if (!schemaValidator.errors?.length)
      problems.push({ path: '(the credential)', message: 'does not match the OB 3.0 schema', source: 'schema' });
  }
  return { valid: problems.length === 0, problems };
}
