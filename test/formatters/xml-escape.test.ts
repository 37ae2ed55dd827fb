import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cdata, escapeXmlAttr, escapeXmlText, stripInvalidXmlChars } from '../../src/formatters/xml-escape.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  cdataPropName: '#cdata',
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Reads back what a document made of one element, one attribute and one CDATA body says. */
function roundTrip(s: string): { attr: string; body: string } {
  const xml = `<a x="${escapeXmlAttr(s)}">${cdata(s)}</a>`;
  expect(XMLValidator.validate(xml)).toBe(true);
  const a = (parser.parse(xml) as { a: { '@_x': string; '#cdata'?: string | string[] } }).a;
  const pieces = a['#cdata'] ?? [];
  return { attr: a['@_x'], body: (Array.isArray(pieces) ? pieces : [pieces]).join('') };
}

describe('cdata', () => {
  it.each([
    ['no terminator', 'plain text', 1],
    ['one terminator', 'a ]]> b', 2],
    ['two terminators', 'a ]]> b ]]> c', 3],
    ['adjacent terminators', ']]>]]>', 3],
    ['terminator at both ends', ']]>x]]>', 3],
    ['brackets that are not a terminator', ']] > ]>]', 1],
    ['empty', '', 1],
    ['line ends', 'a\r\nb\rc\n', 1],
  ])('splits on every "]]>" (%s)', (_label, text, sections) => {
    const out = cdata(text);
    expect(out.match(/<!\[CDATA\[/g)).toHaveLength(sections);
    // Inside each section no terminator remains but the one that closes it.
    const inner = out.slice('<![CDATA['.length, -']]>'.length).split(']]><![CDATA[');
    for (const piece of inner) expect(piece).not.toContain(']]>');
    expect(roundTrip(text).body).toBe(text.replace(/\r\n?/g, '\n'));
  });
});

describe('escapeXmlAttr and escapeXmlText', () => {
  it.each([
    ['markup', `<a href="x">&'`, '&lt;a href=&quot;x&quot;&gt;&amp;&#39;'],
    ['line breaks and tabs', 'a\nb\tc\rd', 'a&#10;b&#9;c&#13;d'],
    ['control characters', 'bell\u0007 nul\u0000 esc\u001b', 'bell nul esc'],
    ['non-characters and lone surrogates', 'x\uFFFEy\uFFFF\uD800z', 'xyz'],
    ['accents and emoji kept', 'Présidente ✅ 𝄞', 'Présidente ✅ 𝄞'],
  ])('escapes %s in attributes', (_label, input, expected) => {
    expect(escapeXmlAttr(input)).toBe(expected);
  });

  it('leaves line breaks as they are in text content', () => {
    expect(escapeXmlText('a < b\nc & d')).toBe('a &lt; b\nc &amp; d');
  });

  const hostile = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.array(fc.constantFrom(']]>', ']', '>', '<', '&', '"', "'", '\u0000', '\u0007', '\uD800', '\uFFFE', 'é', '\n', '\t', 'x'), { maxLength: 30 }).map((a) => a.join('')),
  );

  it('round-trips any string through an attribute and a CDATA body, less the characters XML cannot hold', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const expected = stripInvalidXmlChars(s);
        const back = roundTrip(s);
        expect(back.attr).toBe(expected);
        // In content, XML reads CR and CRLF as LF (attributes keep CR, written as &#13;).
        expect(back.body).toBe(expected.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });
});
