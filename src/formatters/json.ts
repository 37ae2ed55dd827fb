import type { TextFormatter } from './types.js';

/** The JSON report of CONTRACT §7: stable key order, two-space indent, trailing newline. */
export const jsonFormatter: TextFormatter = {
  name: 'json',
  description: 'JSON report (report format 1), for tools and for `dmn-check replay`',
  extension: 'json',
  format(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
  },
};
