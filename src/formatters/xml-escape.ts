/**
 * Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. With the `u` flag a lone surrogate is one
 * code point, so it falls outside the allowed ranges and is matched.
 */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drops the characters no XML (nor HTML) document may hold; everything else is kept as is. */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(NOT_XML_CHAR, '');
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text content (XML or HTML): the five markup characters become entities. */
export function escapeXmlText(s: string): string {
  return stripInvalidXmlChars(s).replace(/[&<>"']/g, (c) => TEXT_ENTITIES[c] ?? c);
}

/**
 * Escapes an attribute value (to be written between double quotes). Tab, line feed and carriage
 * return become character references: a parser normalises them to spaces otherwise, and a message's
 * line breaks would be lost.
 */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/**
 * Wraps text in a CDATA section. Every `]]>` in the text would end the section early, so each one
 * is split across two sections (`]]` closes the first, `>` opens the next). Line ends are written
 * as LF: a parser reads CR and CRLF in content as LF anyway, and CDATA cannot carry `&#13;`.
 */
export function cdata(s: string): string {
  const text = stripInvalidXmlChars(s).replace(/\r\n?/g, '\n');
  return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}
