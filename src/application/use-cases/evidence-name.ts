/** The longest stored name: SharePoint allows 400 characters of path, and the folders take some. */
export const MAX_NAME_LENGTH = 120;

// Characters SharePoint refuses in a file name.
const FORBIDDEN = /["*:<>?/\\|]/g;

/** Control characters (below space, and DEL) become spaces. */
const withoutControls = (text: string) =>
  Array.from(text, (c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? ' ' : c)).join('');
// Names Windows and SharePoint reserve, whatever the extension.
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d|desktop\.ini|\.lock)$/i;

/**
 * A file name made safe for a SharePoint document library: forbidden characters replaced, no
 * leading or trailing dots or spaces, no reserved names, at most MAX_NAME_LENGTH characters with
 * the extension kept. Empty when nothing usable is left.
 */
export function safeFileName(name: string): string {
  let safe = withoutControls(name.normalize('NFC'))
    .replace(FORBIDDEN, '_')
    .replace(/_vti_/gi, '_vti-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.~$]+|[\s.]+$/g, '');
  const dot = safe.lastIndexOf('.');
  const extension = dot > 0 && safe.length - dot <= 11 ? safe.slice(dot) : '';
  let stem = extension ? safe.slice(0, dot) : safe;
  if (RESERVED.test(stem) || RESERVED.test(safe)) stem = `file-${stem}`;
  // Code points, not UTF-16 units, so a cut never splits a character.
  const room = MAX_NAME_LENGTH - [...extension].length;
  stem = [...stem]
    .slice(0, room)
    .join('')
    .replace(/[\s.]+$/, '');
  safe = stem ? `${stem}${extension}` : '';
  return safe;
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  msg: 'application/vnd.ms-outlook',
  eml: 'message/rfc822',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
};

/**
 * The content type kept with a file: from the format its content showed when read, else from its
 * extension. The sender's Content-Type is never trusted; downloads are attachments either way.
 */
export function contentTypeFor(name: string, format?: string): string {
  if (format && format !== 'text' && TYPES[format]) return TYPES[format];
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (format === 'text') return extension === 'csv' ? 'text/csv' : 'text/plain';
  return TYPES[extension] ?? 'application/octet-stream';
}
