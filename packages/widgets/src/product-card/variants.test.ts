// Choosing a variant: sold-out options, the keyboard, the variant's own image.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import { $, card, freshCardPage, settled, TEE } from '../../test/product-card.js';
import { imageFor } from './product-image.js';

/** The image's URL without the width the card asks for. */
const imageUrl = (img: HTMLImageElement) => {
  const url = new URL(img.src);
  url.searchParams.delete('w');
  return url.href;
};

describe('<kiosk-product-card> variants', () => {
  beforeEach(freshCardPage);

  it('marks and disables sold-out options with a reason', async () => {
    const el = await card(TEE);
    await settled(el);
    const product = el.productData!;
    const soldOut = product.variants.find((v) => !v.available)!;
    // Select the sold-out variant's colour: its size is then disabled and says why.
    const colour = $<HTMLSelectElement>(el, 'select[name=Colour]');
    colour.value = soldOut.options.Colour!;
    colour.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const option = [...$<HTMLSelectElement>(el, 'select[name=Size]').options].find(
      (o) => o.value === soldOut.options.Size,
    )!;
    expect(option.disabled).to.equal(true);
    expect(option.textContent!.trim()).to.equal(`${soldOut.options.Size} (sold out)`);
  });

  it('selects variants with the keyboard', async () => {
    const el = await card(TEE);
    await settled(el);
    await el.updateComplete;
    const before = el.selectedVariant!;
    const size = $<HTMLSelectElement>(el, 'select[name=Size]');
    size.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.selectedVariant?.id !== before.id, 'variant changed');
    const after = el.selectedVariant!;
    expect(after.options.Colour).to.equal(before.options.Colour);
    expect(after.options.Size).to.equal(size.value);
    expect(el.getAttribute('variant')).to.equal(after.id);
  });

  it('shows the selected variant’s own image and switches it with the variant', async () => {
    const el = await card(TEE);
    await settled(el);
    await el.updateComplete;
    const variants = el.productData!.variants;
    const colour = $<HTMLSelectElement>(el, 'select[name=Colour]');
    const seen = new Set<string>();
    for (const name of ['White', 'Black']) {
      colour.value = name;
      colour.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const variant = el.selectedVariant!;
      expect(variant.options.Colour).to.equal(name);
      expect(variant.image, `${name} has its own image`).to.not.equal(null);
      const img = $<HTMLImageElement>(el, 'img[part=image]');
      expect(imageUrl(img)).to.equal(variant.image!.url);
      expect(img.alt).to.equal(variant.image!.alt);
      expect(img.alt).to.contain(name);
      seen.add(img.src);
    }
    expect(seen.size, 'White and Black show different pictures').to.equal(2);
    // A variant without an image of its own shows the product's first.
    const product = el.productData!;
    expect(imageFor(product, { ...variants[0]!, image: null })).to.deep.equal(product.images[0]);
  });
});
