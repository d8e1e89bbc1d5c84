import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-product-card> strings ("product-card" namespace), es. */
export default {
  unavailable: 'Este producto no está disponible',
  unavailableHint: 'Puede que se haya retirado o que el enlace sea incorrecto.',
  loadFailed: 'No pudimos cargar este producto.',
  price: { now: 'Ahora', was: 'Antes' },
  rating_one: 'Valoración de {{rating}} sobre 5, con {{count}} reseña',
  rating_many: 'Valoración de {{rating}} sobre 5, con {{count}} reseñas',
  rating_other: 'Valoración de {{rating}} sobre 5, con {{count}} reseñas',
  noReviews: 'Aún no hay reseñas',
  stock: {
    low_one: 'Solo queda {{count}}',
    low_many: 'Solo quedan {{count}}',
    low_other: 'Solo quedan {{count}}',
    soldOut: 'Agotado',
    inStock: 'En stock',
  },
  optionSoldOut: '{{value}} (agotado)',
  quantity: 'Cantidad',
  decrease: 'Reducir cantidad',
  increase: 'Aumentar cantidad',
  add: 'Añadir al carrito',
  adding: 'Añadiendo…',
  added: 'Añadido a tu carrito: {{quantity}} × {{title}}',
  queued: 'Estás sin conexión. {{title}} se añadirá a tu carrito cuando vuelvas a estar en línea.',
  addFailed: 'No se pudo añadir a tu carrito.',
  notEnoughStock: 'No hay suficiente stock para esa cantidad.',
  share: 'Compartir {{title}}',
  linkCopied: 'Enlace copiado',
  copyFailed: 'No se pudo copiar el enlace.',
} satisfies Bundle;
