#!/usr/bin/env node
// npm install hook. In a checkout of the repository: build the WebAssembly core and the TypeScript
// (idempotent, so repeated installs are quick). Installed as a package: everything ships prebuilt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'crates')) || !existsSync(join(root, 'ts'))) process.exit(0);
const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
