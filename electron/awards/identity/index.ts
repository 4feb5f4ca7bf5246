export { IdentityError, type IdentityErrorCode } from './errors.js';
export {
  SigningIdentity,
  certificatesToPem,
  pemToDerChain,
  type IssuerProfile,
  type SigningKeyAlgorithm,
  type SigningIdentityParts,
} from './identity.js';
export { generateSelfSignedIdentity, type GenerateOptions, type GeneratedKeyAlgorithm } from './generate.js';
export { importPkcs12, type ImportPkcs12Options } from './pkcs12.js';
export {
  passphraseBox,
  safeStorageBox,
  type SecretBox,
  type SafeStorageLike,
  type PassphraseBoxOptions,
  type SafeStorageBoxOptions,
} from './secret-box.js';
export {
  saveIdentity,
  loadIdentity,
  identityExists,
  identityPath,
  readIdentityPublic,
  readIdentityCertificatePem,
  writeFileAtomic,
  IDENTITY_FILE,
  type IdentityPublic,
} from './store.js';
