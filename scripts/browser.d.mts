// Types of scripts/browser.mjs, for the tests that import it.
import type { Browser } from 'playwright-core';

export const CHROMIUM_ARGS: readonly string[];
/** Headless Chromium for offline pages: CHROMIUM_PATH, else /usr/bin/chromium, else the one @sparticuz/chromium ships. */
export function launchBrowser(): Promise<Browser>;
