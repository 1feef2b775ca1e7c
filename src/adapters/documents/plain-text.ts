/**
 * Plain text (txt, csv, md): UTF-8 or UTF-16 with a byte-order mark, or, for a file named as text,
 * Windows-1252 (what Excel writes for "CSV"). Bytes that are none of these are not text.
 */

const TEXT_NAME = /\.(?:txt|csv|tsv|md|log|text)$/i;
// Control characters other than tab, line feed, form feed and carriage return mean binary.
function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) return true;
  }
  return false;
}

function decode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function plainText(
  bytes: Uint8Array,
  name: string,
  contentType: string,
): string | undefined {
  let text: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decode(bytes, 'utf-16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decode(bytes, 'utf-16be');
  else {
    text = decode(bytes, 'utf-8');
    const namedText = TEXT_NAME.test(name) || /^text\//i.test(contentType);
    if (text === undefined && namedText) text = decode(bytes, 'windows-1252');
  }
  if (text === undefined || looksBinary(text)) return undefined;
  return text;
}
