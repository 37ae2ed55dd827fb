import { stripInvalidXmlChars } from './xml-escape.js';

/**
 * Characters that can start or end Markdown (GFM) inline syntax anywhere in a line: emphasis, code,
 * links, raw HTML, entities, strikethrough, math (`$`), a table cell boundary, an issue reference
 * (`#12`) or a mention (`@team`). All are ASCII punctuation, which CommonMark lets a backslash make
 * literal. (GitHub may still link a mention after the backslash; report texts hold no handles.)
 */
const MD_SPECIAL = /[\\`*_[\]<>#|~&@$]/g;

/**
 * Escapes report text for one line of Markdown (a table cell, a list item, a quote line): special
 * characters are backslash-escaped, line breaks become spaces (a line break would end the row or
 * item), the ends are trimmed (four leading spaces would start a code block), and a leading `-`,
 * `+` or `1.` is escaped so the text cannot open a list.
 */
export function escapeMarkdown(s: string): string {
  return collapseLines(s)
    .trim()
    .replace(MD_SPECIAL, (c) => `\\${c}`)
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(AUTOLINK, (m: string) => `${m.slice(0, -1)}\\${m.slice(-1)}`);
}

/**
 * What GitHub's autolink extension turns into a link without any syntax: `scheme:` of a URL, and
 * `www.`. A backslash before the `:` or the `.` keeps the text as it is, unlinked (a URL from a
 * manifest is shown, never made clickable in a pull-request comment).
 */
const AUTOLINK = /\b(?:https?|ftp|mailto|xmpp):|\bwww\./gi;

/** Joins lines into one (tables and list items hold a single line), dropping control characters. */
function collapseLines(s: string): string {
  return stripInvalidXmlChars(s).replace(/\r\n?|\n/g, ' ');
}

/**
 * A code span holding `s` literally: the fence is one backtick longer than the longest run of
 * backticks inside, and padded with spaces when `s` starts or ends with a backtick. Inside a table
 * cell `|` must still be escaped (GFM splits cells before it parses code spans).
 */
export function codeSpan(s: string, inTable = false): string {
  const text = collapseLines(s);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  const body = inTable ? text.replace(/\|/g, '\\|') : text;
  return `${fence}${pad}${body}${pad}${fence}`;
}
