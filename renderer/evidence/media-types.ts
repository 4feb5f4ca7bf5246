// How each evidence artifact is shown: which viewer, a human type label, and an extension for the system.
import type { WorkspaceArtifact } from '../../shared/domain/workspace.js';
import { t } from '../strings/en.js';

export type ViewerKind = 'pdf' | 'image' | 'video' | 'audio' | 'link' | 'file';

/** Image types Chromium decodes itself; anything else (HEIC, TIFF …) goes to the system's application. */
const IMAGES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/svg+xml',
  'image/x-icon',
]);

function baseType(mediaType: string | null): string {
  return (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function viewerKind(artifact: Pick<WorkspaceArtifact, 'kind' | 'mediaType'>): ViewerKind {
  if (artifact.kind === 'url') return 'link';
  const type = baseType(artifact.mediaType);
  if (type === 'application/pdf') return 'pdf';
  if (IMAGES.has(type)) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  return 'file';
}

/** Kinds that open inside the pane (the others act from their card). */
export function isViewable(kind: ViewerKind): boolean {
  return kind === 'pdf' || kind === 'image' || kind === 'video' || kind === 'audio';
}

const OFFICE: Readonly<Record<string, { ext: string; label: keyof typeof t.evidence.type }>> = {
  'application/msword': { ext: 'doc', label: 'word' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', label: 'word' },
  'application/vnd.oasis.opendocument.text': { ext: 'odt', label: 'document' },
  'application/rtf': { ext: 'rtf', label: 'document' },
  'application/vnd.apple.pages': { ext: 'pages', label: 'document' },
  'application/vnd.ms-excel': { ext: 'xls', label: 'spreadsheet' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', label: 'spreadsheet' },
  'application/vnd.oasis.opendocument.spreadsheet': { ext: 'ods', label: 'spreadsheet' },
  'application/vnd.apple.numbers': { ext: 'numbers', label: 'spreadsheet' },
  'text/csv': { ext: 'csv', label: 'spreadsheet' },
  'application/vnd.ms-powerpoint': { ext: 'ppt', label: 'presentation' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { ext: 'pptx', label: 'presentation' },
  'application/vnd.oasis.opendocument.presentation': { ext: 'odp', label: 'presentation' },
  'application/vnd.apple.keynote': { ext: 'key', label: 'presentation' },
  'text/plain': { ext: 'txt', label: 'text' },
  'text/markdown': { ext: 'md', label: 'text' },
  'application/zip': { ext: 'zip', label: 'archive' },
  'application/pdf': { ext: 'pdf', label: 'document' },
};

/** "PDF", "Image · PNG", "Word document" … : what the card says the file is. */
export function typeLabel(artifact: Pick<WorkspaceArtifact, 'kind' | 'mediaType'>): string {
  const kind = viewerKind(artifact);
  const type = baseType(artifact.mediaType);
  const sub = type
    .split('/')[1]
    ?.replace(/^x-/, '')
    .replace(/\+xml$/, '')
    .toUpperCase();
  switch (kind) {
    case 'pdf':
    case 'link':
      return t.evidence.kind[kind];
    case 'image':
    case 'video':
    case 'audio':
      return sub ? `${t.evidence.kind[kind]} · ${sub === 'JPEG' ? 'JPG' : sub}` : t.evidence.kind[kind];
    case 'file': {
      const known = OFFICE[type];
      return known ? t.evidence.type[known.label] : t.evidence.type.unknown;
    }
  }
}

/** The extension the system needs to choose an application, from the media type (blind review has no file name). */
export function extensionFor(mediaType: string | null): string | null {
  const type = baseType(mediaType);
  const known = OFFICE[type];
  if (known) return known.ext;
  const [major, minor] = type.split('/');
  if ((major === 'image' || major === 'audio' || major === 'video') && minor) {
    const map: Record<string, string> = {
      jpeg: 'jpg',
      mpeg: major === 'audio' ? 'mp3' : 'mpg',
      quicktime: 'mov',
      'svg+xml': 'svg',
      'x-wav': 'wav',
      wave: 'wav',
      'x-m4a': 'm4a',
      mp4: major === 'audio' ? 'm4a' : 'mp4',
    };
    return map[minor] ?? minor.replace(/^x-/, '');
  }
  return null;
}

/** The name handed to the system: the package's file name when shown, otherwise the artifact's name plus an extension. */
export function systemFileName(artifact: Pick<WorkspaceArtifact, 'name' | 'fileName' | 'mediaType'>): string {
  if (artifact.fileName) return artifact.fileName;
  const ext = extensionFor(artifact.mediaType);
  const base = artifact.name.trim() || 'evidence';
  return ext && !base.toLowerCase().endsWith(`.${ext}`) ? `${base}.${ext}` : base;
}

/** The host of a link ("video.example.org"), or the address itself when it does not parse. */
export function hostOf(href: string): string {
  try {
    return new URL(href).host || href;
  } catch {
    return href;
  }
}
