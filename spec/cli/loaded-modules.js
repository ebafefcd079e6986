// Runs the built command line with the arguments after the first two and writes the files of every module
// it loaded, one a line, to the file the first names. The second says which build: `modules` (tsc's
// dist/src/cli/main.js) or `bin` (bin/clause.js, which runs the bundle npm run build makes).
'use strict';
const path = require('node:path');
const [out, build, ...args] = process.argv.slice(2);
const root = path.join(__dirname, '..', '..');
const loaded = () => Object.keys(require.cache).filter((file) => file !== __filename);
process.on('exit', () => require('node:fs').writeFileSync(out, `${loaded().join('\n')}\n`));
if (build === 'bin') {
  process.argv = [process.argv[0], path.join(root, 'bin', 'clause.js'), ...args];
  require(path.join(root, 'bin', 'clause.js'));
} else {
  require(path.join(root, 'dist', 'src', 'cli', 'main')).main(['node', 'clause', ...args]);
}
