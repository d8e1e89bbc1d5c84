/** Where the end-to-end stack listens (fixed ports, away from `pnpm start`'s 4173 and 8787). */
export const demoPort = Number(process.env.KIOSK_E2E_PORT ?? 4183);
export const apiPort = Number(process.env.KIOSK_E2E_API_PORT ?? 8797);
/** The mail catcher's SMTP port (its inbox is on the demo's origin, /mail/). */
export const mailPort = Number(process.env.KIOSK_E2E_MAIL_PORT ?? 2535);
/** The local push service (its inbox is on the demo's origin, /push/). */
export const pushPort = Number(process.env.KIOSK_E2E_PUSH_PORT ?? 8800);
/** The local test payment network (the checkout's test wallet and voucher). */
export const paymentsPort = Number(process.env.KIOSK_E2E_PAYMENTS_PORT ?? 8801);
export const demoUrl = `http://localhost:${demoPort}`;
export const apiUrl = `http://localhost:${apiPort}`;
