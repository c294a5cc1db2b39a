/**
 * The type of an uploaded picture, read from its first bytes (its "magic number") — never from the
 * file's name or the type the browser claims. Only PNG, JPEG and WebP are accepted.
 */
export type PhotoType = 'image/png' | 'image/jpeg' | 'image/webp';

/** The largest photo accepted. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (bytes.length >= 8 && starts(PNG)) return 'image/png';
  if (bytes.length >= 3 && starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}
