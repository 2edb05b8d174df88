#!/usr/bin/env node
// The CLI as one bundled script (see scripts/bundle.mjs): loading one file starts faster than
// linking every compiled module of dist/src, and this folder is CommonJS (bin/package.json)
// because require() starts faster than node's ES module loader.
require('../dist/appcmd.cjs').main();
