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

/**
 * `digestOf(name)` hashes the signed content with the named digest ("sha256" …): the caller knows
 * where the content is (a file's bytes, or a PDF's byte ranges).
 */
export function verifyCms(der: Uint8Array, digestOf: (digestName: string) => Buffer): CmsCheck {
  const no = {
    ok: false,
    digestOk: false,
    signatureOk: false,
    certificateBound: false,
    hasSigningCertificateV2: false,
    hasSigningTime: false,
  };
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
    return { ...no, reason: `the signature is not a readable CMS SignedData (${(error as Error).message})` };
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return { ...no, reason: 'the signature has no signer' };
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
  if (!signerCert) return { ...no, reason: 'the signature does not carry the signer’s certificate' };
  const certificateDer = Buffer.from(signerCert.toSchema(true).toBER(false));
  const x509 = new crypto.X509Certificate(certificateDer);
  const signer = {
    subject: x509.subject.replace(/\n/g, ', '),
    ...(/(?:^|\n)CN=([^\n]*)/.exec(x509.subject)?.[1]
      ? { commonName: /(?:^|\n)CN=([^\n]*)/.exec(x509.subject)![1]! }
      : {}),
    fingerprint256: x509.fingerprint256,
    certificateDer,
    others: certs.filter((x) => x !== signerCert).map((x) => Buffer.from(x.toSchema(true).toBER(false))),
  };
  const known = { ...no, signer };
  const digestName = DIGEST_NAMES[signerInfo.digestAlgorithm.algorithmId];
  if (!digestName)
    return { ...known, reason: `the signature uses an unsupported digest (${signerInfo.digestAlgorithm.algorithmId})` };
  const attrs = signerInfo.signedAttrs?.attributes;
  const md = attribute(attrs, OIDS.messageDigest);
  if (!signerInfo.signedAttrs || !(md instanceof asn1js.OctetString))
    return { ...known, reason: 'the signature has no signed message digest' };
  const digestOk = digestOf(digestName).equals(Buffer.from(md.valueBlock.valueHexView));

  const alg = signerInfo.signatureAlgorithm.algorithmId;
  const signedAttrsDer = Buffer.from(signerInfo.signedAttrs.encodedValue);
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  let signatureOk = false;
  try {
    const key = x509.publicKey;
    if (
      alg === OIDS.rsaEncryption ||
      alg === OIDS.sha256WithRSA ||
      alg === '1.2.840.113549.1.1.12' ||
      alg === '1.2.840.113549.1.1.13'
    )
      signatureOk = crypto.verify(digestName, signedAttrsDer, key, signature);
    else if (alg.startsWith('1.2.840.10045.'))
      signatureOk = crypto.verify(digestName, signedAttrsDer, { key, dsaEncoding: 'der' }, signature);
    else return { ...known, digestOk, reason: `the signature uses an unsupported algorithm (${alg})` };
  } catch (error) {
    return { ...known, digestOk, reason: `the signature could not be checked (${(error as Error).message})` };
  }
  const certV2 = attribute(attrs, OIDS.signingCertificateV2);
  let certificateBound = true;
  if (certV2 instanceof asn1js.Sequence) {
    const first = (certV2.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as
      asn1js.Sequence | undefined;
    const parts = first?.valueBlock.value ?? [];
    const hashAlg =
      parts[0] instanceof asn1js.Sequence
        ? (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString()
        : OIDS.sha256;
    const hashPart = parts.find((p): p is asn1js.OctetString => p instanceof asn1js.OctetString);
    certificateBound = Boolean(
      hashPart &&
      crypto
        .createHash(DIGEST_NAMES[hashAlg] ?? 'sha256')
        .update(certificateDer)
        .digest()
        .equals(Buffer.from(hashPart.valueBlock.valueHexView)),
    );
  }
  const result = {
    ...known,
    digestOk,
    signatureOk,
    certificateBound,
    hasSigningCertificateV2: certV2 !== undefined,
    hasSigningTime: attribute(attrs, OIDS.signingTime) !== undefined,
  };
  if (!digestOk)
    return { ...result, reason: 'the content was changed after it was signed (its digest does not match)' };
  if (!signatureOk) return { ...result, reason: 'the signature does not verify with the signer’s certificate' };
  if (!certificateBound)
    return { ...result, reason: 'the signature names a different signing certificate than the one it carries' };
  return { ...result, ok: true };
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
