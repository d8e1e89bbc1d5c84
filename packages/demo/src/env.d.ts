/** The API origin the demo was built for (vite.config.ts, from KIOSK_ENDPOINT). */
declare const __KIOSK_ENDPOINT__: string;
