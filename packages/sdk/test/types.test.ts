import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without declarations
import { generate, generateFormat, generateRules } from '../scripts/generate-types.mjs';

describe('types', () => {
  it("are generated from the server's current OpenAPI document", async () => {
    const committed = readFileSync(new URL('../src/generated/api.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await generate());
  });

  it("copy the server's client rules (limits, attribution code format) exactly", () => {
    const committed = readFileSync(new URL('../src/generated/rules.ts', import.meta.url), 'utf8');
    expect(committed).toBe(generateRules());
  });

  it("copy the server's price and text-direction rule exactly", () => {
    const committed = readFileSync(
      new URL('../src/generated/format-money.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(generateFormat());
  });
});
