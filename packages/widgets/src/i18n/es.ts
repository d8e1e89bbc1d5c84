import type { Bundle } from './i18n.js';

/** Strings shared by every element (namespace "common"), es. */
export default {
  loading: 'Cargando…',
  retry: 'Reintentar',
  error: {
    generic: 'Algo salió mal.',
    network: 'No podemos conectar con la tienda ahora. Revisa tu conexión e inténtalo de nuevo.',
    notConfigured: 'Esta tienda aún no está configurada.',
  },
} satisfies Bundle;
