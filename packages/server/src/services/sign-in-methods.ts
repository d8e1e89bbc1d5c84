import { defaultSignInMethods, type SignInMethods, type StoreSettings } from '../db/types.js';

/** The sign-in methods a store has switched on (the defaults for what its settings leave out). */
export function signInMethodsOf(settings: StoreSettings): SignInMethods {
  return { ...defaultSignInMethods, ...settings.signInMethods };
}
