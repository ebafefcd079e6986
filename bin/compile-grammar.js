#!/usr/bin/env node
/**
 * `npm run grammar`: compiles grammar/clause.ne into grammar/clause.generated.ts with nearley's
 * own compiler, feeding the whole file at once. `nearleyc` streams the file in 64 KiB chunks and its
 * grammar lexer can split a token at a chunk boundary, which rejects a valid grammar past 64 KiB
 * with a syntax error at the boundary.
 */
const fs = require('fs');
const path = require('path');
const nearley = require('nearley');
const compile = require('nearley/lib/compile.js');
const generate = require('nearley/lib/generate.js');
const lint = require('nearley/lib/lint.js');
const version = require('nearley/package.json').version;

const root = path.join(__dirname, '..');
const source = path.join(root, 'grammar', 'clause.ne');
const target = path.join(root, 'grammar', 'clause.generated.ts');

const parser = new nearley.Parser(nearley.Grammar.fromCompiled(require('nearley/lib/nearley-language-bootstrapped.js')));
parser.feed(fs.readFileSync(source, 'utf8'));
parser.feed('\n');
if (parser.results.length === 0) throw new Error(`${source}: the grammar file ends early`);
const compiled = compile(parser.results[0], { version, args: [source] });
lint(compiled, { out: process.stderr, version });
fs.writeFileSync(target, generate(compiled, 'grammar'));
