import { it } from 'vitest';
// @ts-expect-error: the module does not exist, so the file fails before any test is collected
import { nothing } from './no-such-module.js';

it('never runs', () => void nothing);
