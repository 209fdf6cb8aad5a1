// Validates .glb/.gltf files with the Khronos glTF-Validator (npm package
// gltf-validator) and exits non-zero when any has an error.
//
//   npm install --prefix build-tools/validator gltf-validator
//   node tools/validate_gltf.mjs build/assets/sites/*.glb
//
// The package is found through NODE_PATH or build-tools/validator beside this
// script's repository. Warnings and infos are counted but do not fail.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'build-tools/validator/node_modules/'));
const validator = require('gltf-validator');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tools/validate_gltf.mjs FILE.glb...');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const report = await validator.validateBytes(new Uint8Array(await readFile(file)), {
    uri: file,
    maxIssues: 100,
    // Embedded images only: no external resources to fetch.
    externalResourceFunction: (uri) => Promise.reject(new Error(`external resource ${uri}`)),
  });
  const { numErrors, numWarnings, numInfos, numHints, messages } = report.issues;
  console.log(`${file}: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos, ${numHints} hints`);
  for (const m of messages.filter((m) => m.severity <= 1)) {
    console.log(`  ${m.severity === 0 ? 'error' : 'warning'} ${m.code} ${m.pointer ?? ''}: ${m.message}`);
  }
  failed ||= numErrors > 0;
}
process.exit(failed ? 1 : 0);
