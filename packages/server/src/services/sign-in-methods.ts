import type { AppDeps } from '../context.js';
import { defaultSignInMethods, type SignInMethods, type StoreSettings } from '../db/types.js';

/** The sign-in methods a store has switched on (the defaults for what its settings leave out). */
export function signInMethodsOf(settings: StoreSettings): SignInMethods {
  return { ...defaultSignInMethods, ...settings.signInMethods };
}

/** The methods the hosted page offers: switched on, and possible on this server (mail). */
export function offeredSignInMethods(deps: AppDeps, settings: StoreSettings): SignInMethods {
  const methods = signInMethodsOf(settings);
  return { ...methods, emailCode: methods.emailCode && Boolean(deps.mailer) };
}
