import { exportMessages } from './messages.js';
import { exportDictionaryMessages } from './dictionary-messages.js';

/**
 * What the three PORT 1 checks say: they share one reading of the export, so each may report what
 * that reading found; all three declare it (the registry takes the same wording more than once).
 */
export const PORT1_MESSAGES = { ...exportMessages, ...exportDictionaryMessages };

/** Their messages (their codes join `FindingCode`). */
export type Port1Messages = typeof PORT1_MESSAGES;
