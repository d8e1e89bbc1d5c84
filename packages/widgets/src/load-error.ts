import { KioskError } from '@kiosk/sdk';

/**
 * The error for a part of an element whose code is loaded when first needed (the cart's
 * panel, the review form, the passkeys view) and did not arrive: the connection, worth a retry.
 */
export function loadError(part: string, cause: unknown): KioskError {
  return new KioskError({
    code: 'network_error',
    message: `${part} could not be loaded.`,
    retryable: true,
    cause,
  });
}
