/**
 * Deterministic product pictures for the demo: a garment silhouette in the variant's
 * colour with the product's name. Vector, tiny, and the same bytes on every run.
 */
export type Silhouette =
  | 'tee'
  | 'longsleeve'
  | 'hoodie'
  | 'sweatshirt'
  | 'jacket'
  | 'cap'
  | 'beanie'
  | 'bucket'
  | 'pants'
  | 'shorts'
  | 'socks'
  | 'bag'
  | 'scarf';

const TORSO_SHORT =
  'M300 170 L220 200 L140 290 L200 350 L250 310 L250 620 L550 620 L550 310 L600 350 L660 290 L580 200 L500 170 Q400 230 300 170 Z';
const TORSO_LONG =
  'M300 170 L220 200 L170 300 L130 560 L195 570 L250 330 L250 620 L550 620 L550 330 L605 570 L670 560 L630 300 L580 200 L500 170 Q400 230 300 170 Z';

function shapes(kind: Silhouette, fill: string, line: string): string {
  const body = (d: string) =>
    `<path d="${d}" fill="${fill}" stroke="${line}" stroke-width="4" stroke-linejoin="round"/>`;
  const stroke = (d: string, w = 4) =>
    `<path d="${d}" fill="none" stroke="${line}" stroke-width="${w}" stroke-linecap="round"/>`;
  switch (kind) {
    case 'tee':
      return body(TORSO_SHORT);
    case 'longsleeve':
      return body(TORSO_LONG) + stroke('M380 200 L380 260');
    case 'sweatshirt':
      return body(TORSO_LONG) + stroke('M250 590 L550 590') + stroke('M140 540 L195 550');
    case 'hoodie':
      return (
        body(TORSO_LONG) +
        body('M320 178 Q400 70 480 178 Q400 240 320 178 Z') +
        stroke('M300 470 L500 470 L530 570 L270 570 Z') +
        stroke('M380 215 L375 300') +
        stroke('M420 215 L425 300')
      );
    case 'jacket':
      return (
        body(TORSO_LONG) +
        stroke('M400 205 L400 620', 6) +
        body('M300 170 L350 260 L400 205 L450 260 L500 170 Q400 215 300 170 Z') +
        stroke('M280 440 L340 440') +
        stroke('M460 440 L520 440')
      );
    case 'cap':
      return (
        body('M230 470 Q240 300 400 290 Q560 300 570 470 Z') +
        body('M230 470 Q420 500 650 525 Q640 470 560 455 Z') +
        `<circle cx="400" cy="292" r="12" fill="${fill}" stroke="${line}" stroke-width="4"/>` +
        stroke('M400 300 L400 470')
      );
    case 'beanie':
      return (
        body('M260 500 Q250 250 400 240 Q550 250 540 500 Z') +
        `<rect x="240" y="460" width="320" height="100" rx="18" fill="${fill}" stroke="${line}" stroke-width="4"/>` +
        stroke('M300 470 L300 550') +
        stroke('M350 470 L350 550') +
        stroke('M400 470 L400 550') +
        stroke('M450 470 L450 550') +
        stroke('M500 470 L500 550')
      );
    case 'bucket':
      return (
        body('M290 430 Q300 280 400 275 Q500 280 510 430 Z') +
        body('M190 480 Q400 390 610 480 L570 525 Q400 455 230 525 Z')
      );
    case 'pants':
      return (
        body('M270 160 L530 160 L570 660 L450 660 L400 320 L350 660 L230 660 Z') +
        stroke('M270 200 L530 200')
      );
    case 'shorts':
      return (
        body('M260 250 L540 250 L580 520 L430 540 L400 380 L370 540 L220 520 Z') +
        stroke('M262 285 L538 285')
      );
    case 'socks':
      return (
        body(
          'M330 150 L450 150 L450 470 Q450 520 500 540 L600 580 Q650 610 620 650 Q600 680 540 660 L380 600 Q320 580 330 510 Z',
        ) +
        stroke('M330 190 L450 190') +
        stroke('M330 215 L450 215')
      );
    case 'bag':
      return (
        stroke('M300 340 Q300 190 400 190 Q500 190 500 340', 22) +
        body('M220 330 L580 330 L610 640 L190 640 Z')
      );
    case 'scarf':
      return (
        body('M250 170 L550 170 L550 300 L480 300 L480 630 L380 630 L380 300 L250 300 Z') +
        stroke('M390 630 L390 670') +
        stroke('M415 630 L415 670') +
        stroke('M440 630 L440 670') +
        stroke('M465 630 L465 670')
      );
  }
}

/** Black or white outline, whichever reads better on this colour. */
function outline(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const lum = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return lum > 150 ? '#5b5b5b' : '#111111';
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export const IMAGE_SIZE = 800;

export function renderProductSvg(input: {
  kind: Silhouette;
  colour: string;
  title: string;
  brand: string;
}): string {
  const line = outline(input.colour);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" viewBox="0 0 800 800">
<rect width="800" height="800" fill="#f3f1ec"/>
<text x="400" y="86" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="22" letter-spacing="8" fill="#8a8a8a">${escapeXml(input.brand.toUpperCase())}</text>
${shapes(input.kind, input.colour, line)}
<text x="400" y="736" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="38" font-weight="600" fill="#2b2b2b">${escapeXml(input.title)}</text>
</svg>
`;
}
