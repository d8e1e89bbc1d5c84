/**
 * What the avatar shows instead of a photo: the first letter of the first and last words of
 * the name ("Grace Hopper" → "GH", "Ibn Sina" → "IS", "张伟" → "张"), by code point so
 * letters outside the BMP stay whole. "?" for a blank name.
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0]!;
  const last = words.length > 1 ? [...words.at(-1)!][0]! : '';
  return (first + last).toLocaleUpperCase();
}
