// Verifies a detached CMS SignedData (DER): the digest of the content, the signature with the embedded
// certificate, and that signing-certificate-v2 (when present) names that certificate.
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OIDS } from './certificate/cms.js';

const DIGEST_NAMES: Record<string, string> = {
  [OIDS.sha256]: 'sha256',
  [OIDS.sha384]: 'sha384',
  [OIDS.sha512]: 'sha512',
};

export interface CmsCheck {
  ok: boolean;
  reason?: string;
  /** Set once the signature could be read. */
  signer?: { subject: string; commonName?: string; fingerprint256: string; certificateDer: Buffer; others: Buffer[] };
  digestOk: boolean;
  signatureOk: boolean;
  certificateBound: boolean;
  hasSigningCertificateV2: boolean;
  hasSigningTime: boolean;
}

function attribute(attrs: pkijs.Attribute[] | undefined, oid: string): unknown {
  return attrs?.find((a) => a.type === oid)?.values[0];
}

const NO = {
  ok: false,
  digestOk: false,
  signatureOk: false,
  certificateBound: false,
  hasSigningCertificateV2: false,
  hasSigningTime: false,
};

/** What the checks read from a SignedData once its signer's certificate is found, however it was read. */
interface SignedParts {
  certificateDer: Buffer;
  /** The certificate as read already, if it was. */
  x509?: crypto.X509Certificate;
  /** The other certificates it carries, DER. */
  others: Buffer[];
  digestAlgorithm: string;
  /** The signed message digest; undefined when there are no signed attributes or no message digest among them. */
  messageDigest: Buffer | undefined;
  /** The signed attributes as signed (DER, tagged as a SET). */
  signedAttrsDer: Buffer;
  signatureAlgorithm: string;
  signature: Buffer;
  /** Read once the signature holds: whether signing-certificate-v2 is there and names this certificate. */
  signingCertificateV2: (certificateDer: Buffer) => { present: boolean; bound: boolean };
  hasSigningTime: boolean;
}

/**
 * `digestOf(name)` hashes the signed content with the named digest ("sha256" …): the caller knows
 * where the content is (a file's bytes, or a PDF's byte ranges).
 */
export function verifyCms(der: Uint8Array, digestOf: (digestName: string) => Buffer): CmsCheck {
  // A SignedData of the usual shape is read directly (pkijs takes milliseconds a signature, most of the
  // time of opening a panel's results packages); anything else is read by pkijs, which also says why not.
  const parts = readCommonSignedData(der) ?? readWithPkijs(der);
  return 'certificateDer' in parts ? checkSigned(parts, digestOf) : parts;
}

/** verifyCms reading every SignedData with pkijs: the reference its direct reading is tested against. */
export function verifyCmsWithPkijs(der: Uint8Array, digestOf: (digestName: string) => Buffer): CmsCheck {
  const parts = readWithPkijs(der);
  return 'certificateDer' in parts ? checkSigned(parts, digestOf) : parts;
}

/** Whether verifyCms reads `der` directly (the usual shape) rather than with pkijs (for tests). */
export function readsDirectly(der: Uint8Array): boolean {
  return readCommonSignedData(der) !== undefined;
}

/** The SignedData as pkijs reads it, or why it cannot be checked. */
function readWithPkijs(der: Uint8Array): SignedParts | CmsCheck {
  let signedData: pkijs.SignedData;
  try {
    const copy = new Uint8Array(der.byteLength);
    copy.set(der);
    const asn1 = asn1js.fromBER(copy.buffer);
    if (asn1.offset === -1) throw new Error(asn1.result.error);
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== OIDS.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    return { ...NO, reason: `the signature is not a readable CMS SignedData (${(error as Error).message})` };
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return { ...NO, reason: 'the signature has no signer' };
  const certs = (signedData.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  // pkijs types sid as any: it is an IssuerAndSerialNumber or the [0] subjectKeyIdentifier octets.
  const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber | asn1js.OctetString;
  const signerCert =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certs.find((x) => x.serialNumber.isEqual(sid.serialNumber) && x.issuer.isEqual(sid.issuer))
      : certs.find((x) => {
          const ski = x.extensions?.find((e) => e.extnID === '2.5.29.14');
          return (
            ski && Buffer.from(ski.extnValue.valueBlock.valueHexView).includes(Buffer.from(sid.valueBlock.valueHexView))
          );
        });
  if (!signerCert) return { ...NO, reason: 'the signature does not carry the signer’s certificate' };
  const attrs = signerInfo.signedAttrs?.attributes;
  const md = attribute(attrs, OIDS.messageDigest);
  return {
    certificateDer: Buffer.from(signerCert.toSchema(true).toBER(false)),
    others: certs.filter((x) => x !== signerCert).map((x) => Buffer.from(x.toSchema(true).toBER(false))),
    digestAlgorithm: signerInfo.digestAlgorithm.algorithmId,
    messageDigest:
      signerInfo.signedAttrs && md instanceof asn1js.OctetString ? Buffer.from(md.valueBlock.valueHexView) : undefined,
    signedAttrsDer: signerInfo.signedAttrs ? Buffer.from(signerInfo.signedAttrs.encodedValue) : Buffer.alloc(0),
    signatureAlgorithm: signerInfo.signatureAlgorithm.algorithmId,
    signature: Buffer.from(signerInfo.signature.valueBlock.valueHexView),
    signingCertificateV2: (certificateDer) => {
      const certV2 = attribute(attrs, OIDS.signingCertificateV2);
      let bound = true;
      if (certV2 instanceof asn1js.Sequence) {
        const first = (certV2.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as
          asn1js.Sequence | undefined;
        const parts = first?.valueBlock.value ?? [];
        const hashAlg =
          parts[0] instanceof asn1js.Sequence
            ? (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString()
            : OIDS.sha256;
        const hashPart = parts.find((p): p is asn1js.OctetString => p instanceof asn1js.OctetString);
        bound = Boolean(hashPart && certHashIs(certificateDer, hashAlg, Buffer.from(hashPart.valueBlock.valueHexView)));
      }
      return { present: certV2 !== undefined, bound };
    },
    hasSigningTime: attribute(attrs, OIDS.signingTime) !== undefined,
  };
}

function certHashIs(certificateDer: Buffer, hashAlg: string, hash: Buffer): boolean {
  return crypto
    .createHash(DIGEST_NAMES[hashAlg] ?? 'sha256')
    .update(certificateDer)
    .digest()
    .equals(hash);
}

function checkSigned(p: SignedParts, digestOf: (digestName: string) => Buffer): CmsCheck {
  const x509 = p.x509 ?? new crypto.X509Certificate(p.certificateDer);
  const signer = {
    subject: x509.subject.replace(/\n/g, ', '),
    ...(/(?:^|\n)CN=([^\n]*)/.exec(x509.subject)?.[1]
      ? { commonName: /(?:^|\n)CN=([^\n]*)/.exec(x509.subject)![1]! }
      : {}),
    fingerprint256: x509.fingerprint256,
    certificateDer: p.certificateDer,
    others: p.others,
  };
  const known = { ...NO, signer };
  const digestName = DIGEST_NAMES[p.digestAlgorithm];
  if (!digestName) return { ...known, reason: `the signature uses an unsupported digest (${p.digestAlgorithm})` };
  if (!p.messageDigest) return { ...known, reason: 'the signature has no signed message digest' };
  const digestOk = digestOf(digestName).equals(p.messageDigest);

  const alg = p.signatureAlgorithm;
  let signatureOk = false;
  try {
    const key = x509.publicKey;
    if (
      alg === OIDS.rsaEncryption ||
      alg === OIDS.sha256WithRSA ||
      alg === '1.2.840.113549.1.1.12' ||
      alg === '1.2.840.113549.1.1.13'
    )
      signatureOk = crypto.verify(digestName, p.signedAttrsDer, key, p.signature);
    else if (alg.startsWith('1.2.840.10045.'))
      signatureOk = crypto.verify(digestName, p.signedAttrsDer, { key, dsaEncoding: 'der' }, p.signature);
    else return { ...known, digestOk, reason: `the signature uses an unsupported algorithm (${alg})` };
  } catch (error) {
    return { ...known, digestOk, reason: `the signature could not be checked (${(error as Error).message})` };
  }
  const certV2 = p.signingCertificateV2(p.certificateDer);
  const result = {
    ...known,
    digestOk,
    signatureOk,
    certificateBound: certV2.bound,
    hasSigningCertificateV2: certV2.present,
    hasSigningTime: p.hasSigningTime,
  };
  if (!digestOk)
    return { ...result, reason: 'the content was changed after it was signed (its digest does not match)' };
  if (!signatureOk) return { ...result, reason: 'the signature does not verify with the signer’s certificate' };
  if (!certV2.bound)
    return { ...result, reason: 'the signature names a different signing certificate than the one it carries' };
  return { ...result, ok: true };
}

/** One DER element: its tag, where it starts, where its contents start, and where it ends. */
interface Tlv {
  tag: number;
  start: number;
  body: number;
  end: number;
}

/** The element at `at`, in DER (definite, shortest lengths; low tag numbers), within `limit`; else undefined. */
function tlv(b: Buffer, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const tag = b[at]!;
  if ((tag & 0x1f) === 0x1f) return undefined;
  let len = b[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || body + n > limit || b[body] === 0) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[body + i]!;
    if (len < 0x80) return undefined;
    body += n;
  }
  const end = body + len;
  return end <= limit ? { tag, start: at, body, end } : undefined;
}

/** The elements a constructed element holds, exactly filling it; else undefined. */
function kids(b: Buffer, t: Tlv | undefined): Tlv[] | undefined {
  if (!t || !(t.tag & 0x20)) return undefined;
  const out: Tlv[] = [];
  for (let at = t.body; at < t.end;) {
    const k = tlv(b, at, t.end);
    if (!k) return undefined;
    out.push(k);
    at = k.end;
  }
  return out;
}

/** An OBJECT IDENTIFIER's dotted form. */
function oidOf(b: Buffer, t: Tlv | undefined): string | undefined {
  if (t?.tag !== 0x06 || t.end === t.body || b[t.end - 1]! & 0x80) return undefined;
  const arcs: number[] = [];
  let v = 0;
  for (let i = t.body; i < t.end; i++) {
    if (v > 2 ** 40) return undefined;
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      arcs.push(v);
      v = 0;
    }
  }
  const top = arcs[0]! < 40 ? 0 : arcs[0]! < 80 ? 1 : 2;
  return [top, arcs[0]! - top * 40, ...arcs.slice(1)].join('.');
}

const bytes = (b: Buffer, t: Tlv) => b.subarray(t.start, t.end);

/** An AlgorithmIdentifier's OID: SEQUENCE { OID, parameters? }. */
function algorithmOf(b: Buffer, t: Tlv): string | undefined {
  const k = t.tag === 0x30 ? kids(b, t) : undefined;
  return k && k.length <= 2 ? oidOf(b, k[0]) : undefined;
}

/**
 * The SignedData Assay and most signers write, read straight from its DER: ContentInfo { signedData,
 * SignedData { version, digestAlgorithms, encapContentInfo, certificates, signerInfos } } whose first signer
 * is named by issuer and serial number, that of the first certificate, with signed attributes holding the
 * message digest as an OCTET STRING. Anything else (BER, CRLs, a subject key identifier, another order) is
 * undefined: pkijs reads it, as it reads every SignedData it is the reference for. What this reads is what
 * pkijs reads from the same bytes (test/awards/cms-verify.test.ts compares them).
 */
function readCommonSignedData(der: Uint8Array): SignedParts | undefined {
  const b = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  const info = kids(b, tlv(b, 0, b.length));
  if (info?.length !== 2 || oidOf(b, info[0]) !== OIDS.signedData) return undefined;
  if (info[1]!.tag !== 0xa0) return undefined;
  const wrapped = kids(b, info[1]);
  if (wrapped?.length !== 1 || wrapped[0]!.tag !== 0x30) return undefined;
  const sd = kids(b, wrapped[0]);
  if (!sd || sd.length !== 5) return undefined;
  const [version, digestAlgorithms, encap, certSet, signerInfos] = sd as [Tlv, Tlv, Tlv, Tlv, Tlv];
  if (version.tag !== 0x02 || digestAlgorithms.tag !== 0x31 || encap.tag !== 0x30) return undefined;
  if (certSet.tag !== 0xa0 || signerInfos.tag !== 0x31) return undefined;
  if (!kids(b, digestAlgorithms)?.every((a) => algorithmOf(b, a) !== undefined)) return undefined;
  const content = kids(b, encap);
  if (!content || oidOf(b, content[0]) === undefined || content.length > 2 || (content[1] && content[1].tag !== 0xa0))
    return undefined;
  const certs = kids(b, certSet);
  if (!certs?.length || !certs.every((c) => c.tag === 0x30)) return undefined;
  const infos = kids(b, signerInfos);
  const signer = infos?.length === 1 ? kids(b, infos[0]) : undefined;
  if (signer?.length !== 6) return undefined;
  const [siVersion, sid, digestAlg, signedAttrs, sigAlg, signature] = signer as [Tlv, Tlv, Tlv, Tlv, Tlv, Tlv];
  if (siVersion.tag !== 0x02 || sid.tag !== 0x30 || signedAttrs.tag !== 0xa0 || signature.tag !== 0x04)
    return undefined;
  const digestAlgorithm = algorithmOf(b, digestAlg);
  const signatureAlgorithm = algorithmOf(b, sigAlg);
  if (digestAlgorithm === undefined || signatureAlgorithm === undefined) return undefined;

  // The signer: issuer and serial number of the first certificate, byte for byte.
  const issuerSerial = kids(b, sid);
  const tbs = kids(b, kids(b, certs[0])?.[0]);
  if (issuerSerial?.length !== 2 || !tbs) return undefined;
  const [issuer, serial] = issuerSerial as [Tlv, Tlv];
  const t = tbs[0]?.tag === 0xa0 ? 1 : 0;
  const [certSerial, , certIssuer] = tbs.slice(t);
  if (!certSerial || !certIssuer) return undefined;
  if (!bytes(b, serial).equals(bytes(b, certSerial)) || !bytes(b, issuer).equals(bytes(b, certIssuer)))
    return undefined;

  // The signed attributes: the first value of the first attribute of each type.
  const firstValue = new Map<string, Tlv | undefined>();
  const attributes = kids(b, signedAttrs);
  if (!attributes) return undefined;
  for (const a of attributes) {
    const [type, values, ...more] = kids(b, a) ?? [];
    const oid = oidOf(b, type);
    if (a.tag !== 0x30 || oid === undefined || values?.tag !== 0x31 || more.length) return undefined;
    const vs = kids(b, values);
    if (!vs) return undefined;
    if (!firstValue.has(oid)) firstValue.set(oid, vs[0]);
  }
  const md = firstValue.get(OIDS.messageDigest);
  if (md?.tag !== 0x04) return undefined;

  // signing-certificate-v2: SEQUENCE { SEQUENCE OF ESSCertIDv2 { hashAlgorithm?, certHash, … }, … }.
  const v2 = firstValue.get(OIDS.signingCertificateV2);
  let v2Hash: { alg: string; hash: Buffer | undefined } | undefined;
  if (v2) {
    if (v2.tag !== 0x30) return undefined;
    const certIds = kids(b, v2);
    if (!certIds) return undefined;
    const list = certIds[0] ? kids(b, certIds[0]) : [];
    if (!list || (certIds[0] && certIds[0].tag !== 0x30)) return undefined;
    const parts = list[0] ? kids(b, list[0]) : [];
    if (!parts || (list[0] && list[0].tag !== 0x30)) return undefined;
    if (parts.some((x) => x.tag === 0x24)) return undefined;
    let alg: string | undefined = OIDS.sha256;
    if (parts[0]?.tag === 0x30) alg = oidOf(b, kids(b, parts[0])?.[0]);
    if (alg === undefined) return undefined;
    const hash = parts.find((x) => x.tag === 0x04);
    v2Hash = { alg, hash: hash && b.subarray(hash.body, hash.end) };
  }
  // Every certificate must be one (pkijs reads them all, and refuses the SignedData if one is not).
  let x509s: crypto.X509Certificate[];
  try {
    x509s = certs.map((c) => new crypto.X509Certificate(bytes(b, c)));
  } catch {
    return undefined;
  }
  const signedAttrsDer = Buffer.from(bytes(b, signedAttrs));
  signedAttrsDer[0] = 0x31;
  return {
    certificateDer: Buffer.from(bytes(b, certs[0]!)),
    x509: x509s[0]!,
    others: certs.slice(1).map((c) => Buffer.from(bytes(b, c))),
    digestAlgorithm,
    messageDigest: Buffer.from(b.subarray(md.body, md.end)),
    signedAttrsDer,
    signatureAlgorithm,
    signature: Buffer.from(b.subarray(signature.body, signature.end)),
    signingCertificateV2: (certificateDer) => ({
      present: v2 !== undefined,
      bound: !v2Hash || Boolean(v2Hash.hash && certHashIs(certificateDer, v2Hash.alg, v2Hash.hash)),
    }),
    hasSigningTime: firstValue.get(OIDS.signingTime) !== undefined,
  };
}

/** For the results package: a detached signature over `data`. */
export function verifyDetachedCms(
  signature: Buffer,
  data: Buffer,
): { ok: boolean; reason?: string; signer?: { subject: string; fingerprint256: string } } {
  const r = verifyCms(signature, (name) => crypto.createHash(name).update(data).digest());
  return {
    ok: r.ok,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.signer ? { signer: { subject: r.signer.subject, fingerprint256: r.signer.fingerprint256 } } : {}),
  };
}
