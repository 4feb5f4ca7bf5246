export { CertificateRenderer, type CertificateRendererOptions } from './renderer.js';
export { ENGLISH_LABELS, type CertificateLabels } from './labels.js';
export { signPdf, PdfSignError, type SignOptions, type SignaturePlaceholder } from './sign.js';
export { verifyPdfSignature, type PdfSignatureCheck } from './verify.js';
export { extractAttachment } from './attachment.js';
export {
  verifyQrPayload,
  makeQrPayload,
  qrKeyId,
  qrMatrix,
  defaultVerifyPageUrl,
  verifyPageUrlOf,
  statusEntryOf,
  QR_FORMAT,
  type QrClaims,
  type QrVerification,
} from './qr.js';
export { PAPER_SIZES, type CertificateAward, type CriterionLevel, type Paper } from './types.js';
