#!/usr/bin/env node
// Copies the non-TypeScript files the compiled code loads at run time (the tesseract.js worker
// script, plain CommonJS) from src/ to dist/, at the same relative place.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const ASSETS = ['evidence/read/tesseract-worker.cjs'];
for (const rel of ASSETS) {
  const to = path.join('dist', rel);
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(path.join('src', rel), to);
}
