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
