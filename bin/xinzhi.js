#!/usr/bin/env node
// The `xinzhi` operator CLI. The sources are TypeScript, run through tsx like the server (npm start).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
const code = await run(process.argv);
// Exit explicitly once output is flushed: a closed pool's timers or a keep-alive socket must not hold the shell.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
