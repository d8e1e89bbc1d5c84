import { expect, type Page } from '@playwright/test';

/**
 * Gives the hosted checkout (English, the United States preselected) a shipping address and
 * waits for the pay form: the step every journey that pays in the demo store now takes.
 */
export async function shipToNewYork(page: Page, name = 'Sam Shopper'): Promise<void> {
  await page.getByLabel('Full name', { exact: true }).fill(name);
  await page.getByLabel('Address', { exact: true }).fill('1 Main St');
  await page.getByLabel('City', { exact: true }).fill('Brooklyn');
  await page.getByLabel('State', { exact: true }).selectOption('NY');
  await page.getByLabel('ZIP code', { exact: true }).fill('11201');
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByLabel('Card number')).toBeVisible();
}

/** A destination per language of the tests, with the hosted form's labels in it. */
const destinations = {
  de: {
    country: ['Land oder Region', 'DE'],
    fields: [
      ['Vollständiger Name', 'Max Mustermann'],
      ['Straße und Hausnummer', 'Hauptstraße 1'],
      ['Postleitzahl', '10115'],
      ['Ort', 'Berlin'],
    ],
    use: 'Diese Adresse verwenden',
  },
  ar: {
    country: ['البلد أو المنطقة', 'SA'],
    fields: [
      ['الاسم الكامل', 'سارة أحمد'],
      ['العنوان', 'طريق الملك فهد 1'],
      ['المدينة', 'الرياض'],
    ],
    use: 'استخدام هذا العنوان',
  },
} as const;

/**
 * The same step in German (an address in Berlin) or Arabic (Riyadh), with or without
 * JavaScript: the country is picked first (its Update button re-renders the form when no
 * script does), then the pay form shows.
 */
export async function shipIn(page: Page, lang: keyof typeof destinations): Promise<void> {
  const d = destinations[lang];
  const form = page.locator('#kiosk-address');
  await page.getByLabel(d.country[0]).selectOption(d.country[1]);
  const update = page.locator('[data-update-country]');
  if (await update.isVisible()) await update.click();
  await expect(form).toHaveAttribute('data-country', d.country[1]);
  for (const [label, value] of d.fields) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: d.use }).click();
  await expect(page.locator('#kiosk-pay')).toBeVisible();
}
