#!/usr/bin/env node
'use strict';
// The command line bundled into one file by `npm run build` (bin/bundle-cli.js): one file to read and
// compile at start-up instead of some 230 modules. The modules themselves when there is no bundle, or
// when tsc has rebuilt them since it was made (a stale bundle would run old code).
const fs = require('fs');
const path = require('path');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'clause.js');
const modules = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
const bundled = fs.statSync(bundle, { throwIfNoEntry: false });
const current = bundled !== undefined && bundled.mtimeMs >= fs.statSync(modules).mtimeMs;
require(current ? bundle : modules).main(process.argv);
