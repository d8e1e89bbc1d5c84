import { createRouter } from '../openapi.js';

/** Product images served by the server (/images), public like any <img> source. */
export const imageRoutes = createRouter();
