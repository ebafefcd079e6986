// Runs the built command line from its modules (dist/src/cli/main.js, not the bundle) with the arguments
// after the first, and writes the files of every module it loaded, one a line, to the file the first names.
'use strict';
const path = require('node:path');
const [out, ...args] = process.argv.slice(2);
process.on('exit', () => require('node:fs').writeFileSync(out, `${Object.keys(require.cache).join('\n')}\n`));
require(path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main')).main(['node', 'clause', ...args]);
