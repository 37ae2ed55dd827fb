// The one place that says which headless Chromium renders fixtures: Debian's /usr/bin/chromium
// (apt-get install -y chromium), or CHROMIUM_PATH, driven by playwright-core (a devDependency).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches the browser, offline use only (pages are set with setContent). */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
