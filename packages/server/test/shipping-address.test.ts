import { describe, expect, it } from 'vitest';
import { addressForm, checkAddress } from '../src/services/shipping/address.js';

const person = { name: 'Ada Lovelace', line1: '12 Example Street' };

describe('addresses per country', () => {
  it('US: ZIP code and state required, ZIP+4 accepted', async () => {
    const ok = await checkAddress('US', {
      ...person,
      city: 'Brooklyn',
      area: 'NY',
      postalCode: '11201-2345',
    });
    expect(ok).toEqual({
      ok: true,
      address: expect.objectContaining({ area: 'NY', postalCode: '11201-2345' }),
    });
    expect(
      await checkAddress('US', { ...person, city: 'Brooklyn', area: 'NY', postalCode: '1120' }),
    ).toEqual({
      ok: false,
      errors: { postalCode: 'invalid_postal_code' },
    });
    expect(await checkAddress('US', { ...person, city: 'Brooklyn', postalCode: '11201' })).toEqual({
      ok: false,
      errors: { area: 'address_required' },
    });
    expect(
      await checkAddress('US', {
        ...person,
        city: 'Brooklyn',
        area: 'Narnia',
        postalCode: '11201',
      }),
    ).toEqual({
      ok: false,
      errors: { area: 'invalid_area' },
    });
  });

  it('UK: a real postcode shape, upper-cased', async () => {
    const ok = await checkAddress('GB', { ...person, city: 'London', postalCode: 'sw1a 1aa' });
    expect(ok).toEqual({
      ok: true,
      address: expect.objectContaining({ postalCode: 'SW1A 1AA', area: '' }),
    });
    expect(await checkAddress('GB', { ...person, city: 'London', postalCode: '12345' })).toEqual({
      ok: false,
      errors: { postalCode: 'invalid_postal_code' },
    });
  });

  it('DE: five digits; street and city required; the name always', async () => {
    expect((await checkAddress('DE', { ...person, city: 'Berlin', postalCode: '10115' })).ok).toBe(
      true,
    );
    expect(await checkAddress('DE', { ...person, city: 'Berlin', postalCode: '1011' })).toEqual({
      ok: false,
      errors: { postalCode: 'invalid_postal_code' },
    });
    expect(await checkAddress('DE', { postalCode: '10115' })).toEqual({
      ok: false,
      errors: { name: 'address_required', line1: 'address_required', city: 'address_required' },
    });
  });

  it('BR: CEP with or without the hyphen, state and city from the list', async () => {
    const ok = await checkAddress('BR', {
      ...person,
      city: 'São Paulo',
      area: 'SP',
      postalCode: '01310-100',
    });
    expect(ok.ok).toBe(true);
    expect(
      (
        await checkAddress('BR', {
          ...person,
          city: 'São Paulo',
          area: 'SP',
          postalCode: '01310100',
        })
      ).ok,
    ).toBe(true);
    expect(
      await checkAddress('BR', {
        ...person,
        city: 'São Paulo',
        area: 'SP',
        postalCode: '0131-0100',
      }),
    ).toEqual({
      ok: false,
      errors: { postalCode: 'invalid_postal_code' },
    });
  });

  it('SA: no postal code needed, but one given must be five digits', async () => {
    expect((await checkAddress('SA', { ...person, city: 'Riyadh' })).ok).toBe(true);
    expect((await checkAddress('SA', { ...person, city: 'Riyadh', postalCode: '12271' })).ok).toBe(
      true,
    );
    expect(await checkAddress('SA', { ...person, city: 'Riyadh', postalCode: '1227' })).toEqual({
      ok: false,
      errors: { postalCode: 'invalid_postal_code' },
    });
  });

  it('refuses overlong fields', async () => {
    expect(
      await checkAddress('DE', { ...person, city: 'B'.repeat(201), postalCode: '10115' }),
    ).toEqual({
      ok: false,
      errors: { city: 'address_too_long' },
    });
  });

  it('gives each country its form: order, required fields, names of things', async () => {
    const us = await addressForm('US', 'en');
    expect(us.rows).toEqual([
      ['name'],
      ['company'],
      ['line1'],
      ['line2'],
      ['city', 'area', 'postalCode'],
    ]);
    expect(us.kinds).toMatchObject({ area: 'state', postalCode: 'zip' });
    expect(us.areaChoices).toContainEqual({ value: 'CA', label: 'California' });
    const de = await addressForm('DE', 'de');
    expect(de.rows.at(-1)).toEqual(['postalCode', 'city']);
    expect(de.required).toEqual(['name', 'line1', 'city', 'postalCode']);
    // The Emirates list their emirates in Arabic, and in Latin letters for other readers.
    expect((await addressForm('AE', 'ar')).areaChoices[0]!.label).toMatch(/[\u0600-\u06ff]/);
    expect((await addressForm('AE', 'en')).areaChoices.map((c) => c.label)).toContain('Dubai');
  });
});
