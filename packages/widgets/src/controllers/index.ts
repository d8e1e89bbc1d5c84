export { ClientController } from './client-controller.js';
export {
  FloatingPanelController,
  type FloatingPanelOptions,
  type Placement,
} from './floating-panel-controller.js';
export { LoadController } from './load-controller.js';
export { LocalizeController, type LocalizedHost } from './localize-controller.js';
export { StoreController } from './store-controller.js';
