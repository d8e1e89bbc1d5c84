// The parts of @floating-ui/dom the floating panel uses. The panel imports this module
// dynamically; a dynamic import of the package itself would keep all of it (rollup can't
// tree-shake a namespace it doesn't see used), ~2.5× the bytes.
export { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
