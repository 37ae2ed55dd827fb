import { Hl7Message } from '@medplum/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEr7, unescapeEr7 } from '../../../src/evidence/formats/er7.js';

const MSH = 'MSH|^~\\&|GAP|HOP|DMN|EDI|20260312101500||ADT^A28^ADT_A05|1|P|2.5^FRA^2.11';
const PID = 'PID|1||IPP1^^^HOP&2.999.1.1&ISO^PI~279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS||ESSAI^CAMILLE^^^^^L||19790328|F';

describe('parseEr7', () => {
  it.each([
    ['\\r', '\r'],
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
  ])('reads segments separated by %s, with their lines', (_label, sep) => {
    const doc = parseEr7([MSH, 'EVN||20260312101500', PID, 'PV1||N'].join(sep) + sep);
    expect(doc.problems).toEqual([]);
    expect(doc.messages).toHaveLength(1);
    const m = doc.messages[0]!;
    expect(m.type).toBe('ADT^A28');
    expect(m.segments.map((s) => [s.name, s.line, s.index])).toEqual([
      ['MSH', 1, 1],
      ['EVN', 2, 2],
      ['PID', 3, 3],
      ['PV1', 4, 4],
    ]);
  });

  it('cuts a file into messages at each MSH and keeps line numbers across blank lines', () => {
    const text = [MSH, PID, '', '', MSH.replace('A28', 'A31'), 'EVN||x', PID].join('\n');
    const doc = parseEr7(text);
    expect(doc.messages.map((m) => [m.number, m.line, m.type, m.segments.length])).toEqual([
      [1, 1, 'ADT^A28', 2],
      [2, 5, 'ADT^A31', 3],
    ]);
    expect(doc.messages[1]!.segments[2]!.line).toBe(7);
  });

  it('reads repetitions, components and subcomponents', () => {
    const pid = parseEr7(`${MSH}\r${PID}`).messages[0]!.segments[1]!;
    expect(pid.repetitionCount(3)).toBe(2);
    expect(pid.get(3, 2, 1)).toBe('279035121518989');
    expect(pid.get(3, 2, 4, 1)).toBe('ASIP-SANTE-INS-NIR');
    expect(pid.get(3, 2, 4, 2)).toBe('1.2.250.1.213.1.4.10');
    expect(pid.get(3, 2, 5)).toBe('INS');
    expect(pid.get(5, 1, 7)).toBe('L');
    expect(pid.get(8)).toBe('F');
    expect(pid.get(40)).toBe('');
    expect(pid.repetitionCount(4)).toBe(0);
  });

  it('uses the delimiters each MSH declares', () => {
    const msh = 'MSH#$*@%#GAP#HOP#DMN#EDI#20260312101500##ADT$A28#1#P#2.5';
    const pid = 'PID#1##IPP1$$$HOP%2.999.1.1%ISO$PI*279035121518989$$$ASIP-SANTE-INS-NIR%1.2.250.1.213.1.4.10%ISO$INS##ESSAI@S@FILS$CAMILLE';
    const doc = parseEr7(`${msh}\r${pid}\r`);
    expect(doc.problems).toEqual([]);
    const s = doc.messages[0]!.segments[1]!;
    expect(doc.messages[0]!.type).toBe('ADT^A28');
    expect(s.get(3, 2, 4, 2)).toBe('1.2.250.1.213.1.4.10');
    // @S@ is the escaped component separator: decoded after splitting.
    expect(s.get(5, 1, 1)).toBe('ESSAI$FILS');
  });

  it('drops MLLP framing bytes, a BOM and batch envelopes', () => {
    const text = `\uFEFFFHS|^~\\&\rBHS|^~\\&\r\u000b${MSH}\r${PID}\r\u001c\rBTS|1\rFTS|1\r`;
    const doc = parseEr7(text);
    expect(doc.problems).toEqual([]);
    expect(doc.messages).toHaveLength(1);
    expect(doc.messages[0]!.segments.map((s) => s.name)).toEqual(['MSH', 'PID']);
  });

  it('reports the segments before any MSH once, at their first line', () => {
    const doc = parseEr7(`EVN||1\r${PID}\r`);
    expect(doc.messages).toEqual([]);
    expect(doc.problems).toEqual([{ code: 'no-msh', line: 1, segment: 'EVN' }]);
  });

  it('reports an MSH that does not declare its encoding characters', () => {
    const doc = parseEr7('MSH|^~|GAP|HOP\rPID|1\r');
    expect(doc.problems).toEqual([{ code: 'bad-msh', line: 1, message: 1, segment: 'MSH', detail: 'encoding-characters' }]);
    expect(doc.messages).toEqual([]);
  });

  it('reports an MSH without its required fields', () => {
    const doc = parseEr7('MSH|^~\\&|GAP|HOP\rPID|1\r');
    expect(doc.problems).toEqual([{ code: 'bad-msh', line: 1, message: 1, segment: 'MSH', detail: 'fields:4' }]);
  });

  it('reports lines that are not segments and keeps reading', () => {
    const doc = parseEr7(`${MSH}\rPID|1||IPP1^^^HOP^PI||ESSAI\rcontinued text of a wrapped line\r${PID}\r`);
    expect(doc.problems).toEqual([{ code: 'bad-segment', line: 3, message: 1 }]);
    expect(doc.messages[0]!.segments.map((s) => s.line)).toEqual([1, 2, 4]);
  });

  it('reports a file that ends inside the PID', () => {
    const doc = parseEr7(`${MSH}\rPID|1||IPP1^^^HOP^PI||ESS`);
    expect(doc.problems).toEqual([{ code: 'truncated', line: 2, message: 1, segment: 'PID', detail: 'fields:5' }]);
  });

  it('does not call a complete short PID truncated when the segment is terminated', () => {
    expect(parseEr7(`${MSH}\rPID|1||IPP1^^^HOP^PI||ESS\r`).problems).toEqual([]);
  });

  it('reports an unclosed escape sequence', () => {
    const doc = parseEr7(`${MSH}\rPID|1||IPP1^^^HOP^PI||ESSAI\\S^CAMILLE\r`);
    expect(doc.problems).toEqual([{ code: 'bad-escape', line: 2, message: 1, segment: 'PID', detail: 'PID-5' }]);
  });

  it('reports an empty text as having no MSH', () => {
    expect(parseEr7('').problems).toEqual([{ code: 'no-msh', line: 1 }]);
  });
});

describe('unescapeEr7', () => {
  const ctx = { escapeCharacter: '\\', fieldSeparator: '|', componentSeparator: '^', subcomponentSeparator: '&', repetitionSeparator: '~' };
  it.each([
    ['A\\F\\B', 'A|B'],
    ['A\\S\\B', 'A^B'],
    ['A\\T\\B', 'A&B'],
    ['A\\R\\B', 'A~B'],
    ['A\\E\\B', 'A\\B'],
    ['L1\\.br\\L2', 'L1\nL2'],
    ['\\H\\bold\\N\\', 'bold'],
    ['H\\XC389\\L\\XC388\\NE', 'HÉLÈNE'],
    ['H\\XC9\\LENE', 'HÉLENE'],
    ['\\C2842\\text', 'text'],
    ['\\Zlocal\\x', 'x'],
    ['plain', 'plain'],
  ])('%s -> %s', (raw, text) => {
    expect(unescapeEr7(raw, ctx)).toEqual({ text, ok: true });
  });

  it('flags an unclosed or unknown sequence and keeps the text', () => {
    expect(unescapeEr7('A\\S', ctx)).toEqual({ text: 'A\\S', ok: false });
    expect(unescapeEr7('C:\\dir\\file', ctx)).toEqual({ text: 'C:\\dir\\file', ok: false });
  });
});

describe('the split, against Medplum (the parser this module used before)', () => {
  // Values drawn from the delimiters themselves, escapes and plain text, so that every split is exercised.
  const value = fc.array(fc.constantFrom('A', 'é', '1', ' ', '|', '^', '~', '&', '\\', '\\F\\', '#', '!'), { maxLength: 12 }).map((a) => a.join(''));
  const segment = fc.tuple(fc.constantFrom('PID', 'EVN', 'PV1', 'ZBE', 'OBX'), fc.array(value, { maxLength: 14 })).map(([id, fields]) => [id, ...fields].join('|'));
  const message = fc.tuple(fc.array(value, { minLength: 10, maxLength: 14 }), fc.array(segment, { maxLength: 4 })).map(([msh, segs]) => ['MSH|^~\\&|' + msh.join('|'), ...segs].join('\r'));

  it('gives every field, repetition, component and subcomponent Medplum gives, decoded', () => {
    fc.assert(
      fc.property(message, (text) => {
        const ours = parseEr7(text).messages[0]!;
        const theirs = Hl7Message.parse(text);
        expect(ours.segments.map((s) => s.name)).toEqual(theirs.segments.map((s) => s.name));
        ours.segments.forEach((seg, i) => {
          const ref = theirs.segments[i]!;
          expect(seg.fieldCount).toBe(seg.name === 'MSH' ? ref.fields.length : ref.fields.length - 1);
          for (let f = seg.name === 'MSH' ? 3 : 1; f <= seg.fieldCount; f++) {
            const reps = ref.getField(f).components;
            const empty = reps.length === 1 && reps[0]!.every((c) => c === '');
            expect(seg.repetitionCount(f)).toBe(empty ? 0 : reps.length);
            reps.forEach((comps, r) =>
              comps.forEach((comp, c) =>
                comp.split('&').forEach((sub, k) => expect(seg.get(f, r + 1, c + 1, k + 1)).toBe(unescapeEr7(sub, theirs.context).text)),
              ),
            );
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
