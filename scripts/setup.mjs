// Brings a fresh clone to a runnable state: dependencies as locked, and (with --browser) the Debian
// packages the tests need (Chromium, LibreOffice, poppler). Safe to run every time; it does nothing when all is in place.
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

// Debian packages the tests use: Chromium drives the tab and the Agents Playground; LibreOffice
// and poppler open the yearly report and the Excel export as a reader would, and turn them to pages.
const packages = [
  { bin: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/soffice', pkg: 'libreoffice-writer-nogui libreoffice-calc-nogui' },
  { bin: '/usr/bin/pdftoppm', pkg: 'poppler-utils' },
];
const missing = process.argv.includes('--browser')
  ? packages.filter((p) => !existsSync(p.bin)).map((p) => p.pkg)
  : [];
if (missing.length) {
  const install = `apt-get install -y -qq ${missing.join(' ')}`;
  if (process.getuid?.() === 0) {
    console.log(`Installing Debian packages for the tests: ${missing.join(' ')}...`);
    run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${install}`);
  } else {
    console.error(
      `The tests need Debian packages that are missing: run \`sudo ${install}\` (or set CHROMIUM_PATH for Chromium).`,
    );
    process.exit(1);
  }
}
