// Node ESM entry: the CommonJS entry's API, so that `import` and `require`
// in one process share one WebAssembly instance (the module loads on the
// first call, never at import).
import api from './node.cjs';

// The names, written here by scripts/build-pkg.mjs from its one list of the API:
// @exports
export default init;
