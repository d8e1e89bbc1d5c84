import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's passkeys view ("login-button-passkeys" namespace), es. */
export default {
  back: 'Volver',
  added: 'Añadida el {{date}}',
  lastUsed: 'Último uso: {{when}}',
  neverUsed: 'Aún sin usar',
  remove: 'Quitar',
  confirm: 'Sí, quitar',
  cancel: 'Cancelar',
  confirmQuestion: '¿Quitar esta llave de acceso? Ya no podrás iniciar sesión con ella.',
  removed: 'Llave de acceso quitada: {{name}}.',
  empty: 'Aún no tienes llaves de acceso. Te ofreceremos una la próxima vez que inicies sesión.',
  error: {
    load: 'No se pudieron cargar tus llaves de acceso.',
    remove: 'No se pudo quitar la llave de acceso. Inténtalo de nuevo.',
  },
} satisfies Bundle;
