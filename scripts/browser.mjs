// The one place that says which headless Chromium renders fixtures: CHROMIUM_PATH, else Debian's
// /usr/bin/chromium where it is installed, else the Chromium that @sparticuz/chromium ships in its npm
// package (a devDependency: nothing to install). Driven by playwright-core (a devDependency).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function executable() {
  const own = process.env.CHROMIUM_PATH;
  if (own) {
    if (!existsSync(own)) throw new Error(`CHROMIUM_PATH names ${own}, which does not exist.`);
    return { path: own, args: [] };
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', args: [] };
  const shipped = (await import('@sparticuz/chromium')).default;
  // its own flags (software GL, no sandbox) but one process per page: in a single process, closing a
  // browser context closes the browser
  return { path: await shipped.executablePath(), args: shipped.args.filter((a) => !/^--(headless|single-process|no-zygote)/.test(a)) };
}

/** Launches the browser, offline use only (pages are set with setContent). */
export async function launchBrowser() {
  const { path, args } = await executable();
  return chromium.launch({ executablePath: path, args: [...args, ...CHROMIUM_ARGS] });
}
