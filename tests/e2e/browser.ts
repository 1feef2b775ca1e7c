import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this closed network needs (Playwright gives it a fresh profile). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args });
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A browser as the scrutineer has it: an ordinary profile (not Playwright's incognito-like
 * context), where a tab framed by Teams keeps its storage and service worker, as in the Teams
 * desktop client and Edge/Chrome defaults. Incognito-like contexts block third-party storage.
 */
export async function launchUserProfile(): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-profile-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args,
    // Chromium's Local Network Access checks would stop a public origin framing a loopback tab.
    permissions: ['local-network-access'],
  });
  // Chromium may still be writing the profile as it exits; a leftover temp dir is harmless.
  context.on('close', () => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      /* left in the temp directory */
    }
  });
  return context;
}
