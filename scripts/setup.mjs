// Brings a fresh clone to a runnable state: dependencies as locked, and (with --browser) Debian's
// Chromium for the browser tests. Safe to run every time; it does nothing when all is in place.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const lock = readFileSync('package-lock.json');
const stamp = 'node_modules/.critical-friend-lock';
const hash = createHash('sha256').update(lock).digest('hex');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
  console.log(
    'Installing dependencies (npm ci; better-sqlite3 compiles from source, about two minutes)...',
  );
  run('npm ci --no-audit --no-fund');
  writeFileSync(stamp, hash);
}

if (
  process.argv.includes('--browser') &&
  !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
) {
  if (process.getuid?.() === 0) {
    console.log('Installing Debian chromium for the browser tests...');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.error(
      'The browser tests need Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
    process.exit(1);
  }
}
