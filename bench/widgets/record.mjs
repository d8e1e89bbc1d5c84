// Writes a section of bench/RESULTS.md between <!-- widgets:start --> and <!-- widgets:end -->.
// Each widgets bench owns one block inside it (### heading), so they can be recorded apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
const START = '<!-- widgets:start -->';
const END = '<!-- widgets:end -->';

export function record(heading, body) {
  let text = readFileSync(file, 'utf8');
  if (!text.includes(START)) {
    text = `${text.trimEnd()}\n\n## Widgets (\`node bench/widgets/size.mjs --record\`, \`node bench/widgets/cards-page.mjs --record\`)\n\nBudgets from docs/architecture/design.md: loader ≤ 3 KB gzip, a cards page with its header's login button and closed mini cart ≤ 32 KB, all four elements with the cart open ≤ 55 KB; 50 cards on the hostile theme with those header widgets: ≤ 2 product requests, CLS 0, no task over 50 ms.\n\n${START}\n${END}\n`;
  }
  const [before, rest] = text.split(START);
  const [inside, after] = rest.split(END);
  const blocks = new Map();
  for (const part of inside.split(/^(?=### )/m)) {
    const title = part.match(/^### (.*)$/m)?.[1];
    if (title) blocks.set(title, part.trim());
  }
  blocks.set(heading, `### ${heading}\n\n${body.trim()}`);
  const section = [...blocks.values()].join('\n\n');
  writeFileSync(file, `${before}${START}\n${section}\n${END}${after}`);
  console.log(`recorded "${heading}" in bench/RESULTS.md`);
}
