import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../../src/core/calendar.ts';
import { buildAck } from '../../../../src/ingest/sources/hl7v2/ack.ts';
import {
  DEFAULT_DELIMITERS,
  escapeHl7,
  unescapeHl7,
} from '../../../../src/ingest/sources/hl7v2/escape.ts';
import {
  fieldValue,
  getValue,
  parseHl7,
  parseHl7Message,
  repetitionCount,
} from '../../../../src/ingest/sources/hl7v2/parse.ts';
import { readHl7Files } from '../../../../src/ingest/sources/hl7v2/index.ts';
import { readHl7Time } from '../../../../src/ingest/sources/hl7v2/time.ts';

const ORM = [
  'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100315083000+0100||ORM^O01|C1|P|2.5',
  'PID|1||IPP123^^^CHU||DOE^JOHN||19600101|M',
  'ORC|NW|P1|F1||SC||||20100310090000+0100',
  'OBR|1|P1|F1|SCAN-TDM^Scanner thorax~ALT^Alt|||20100315084500+0100|20100315090000+0100',
];

describe('parseHl7: segment separators, BOM, MLLP, batches', () => {
  for (const [label, sep] of [
    ['\\r', '\r'],
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
  ] as const) {
    it(`reads segments separated by ${label}, with their line numbers`, () => {
      const { messages, issues } = parseHl7('a.hl7', ORM.join(sep) + sep);
      expect(issues).toEqual([]);
      expect(messages).toHaveLength(1);
      const m = messages[0]!;
      expect(m.type).toBe('ORM^O01');
      expect(m.controlId).toBe('C1');
      expect(m.segments.map((s) => [s.id, s.line])).toEqual([
        ['MSH', 1],
        ['PID', 2],
        ['ORC', 3],
        ['OBR', 4],
      ]);
    });
  }

  it('drops byte-order marks, at the start and before later messages', () => {
    const text = `\uFEFF${ORM.join('\r')}\r\uFEFF${ORM.join('\r').replace('C1', 'C2')}`;
    const { messages, issues } = parseHl7('bom.hl7', text);
    expect(issues).toEqual([]);
    expect(messages.map((m) => m.controlId)).toEqual(['C1', 'C2']);
    expect(messages[1]!.line).toBe(5);
  });

  it('reads MLLP-framed files (<VT>…<FS><CR>), one message per frame', () => {
    const frame = (id: string): string => `\u000b${ORM.join('\r').replace('C1', id)}\r\u001c\r`;
    const { messages, issues } = parseHl7(
      'feed.mllp',
      frame('A') + frame('B') + '\u000b' + ORM.join('\r').replace('C1', 'C') + '\u001c',
    );
    expect(issues).toEqual([]);
    expect(messages.map((m) => m.controlId)).toEqual(['A', 'B', 'C']);
    expect(getValue(messages[2]!, 'OBR-4.1')).toBe('SCAN-TDM');
  });

  it('reads batches (FHS/BHS … BTS/FTS) and checks the declared count', () => {
    const batch = [
      'FHS|^~\\&|RIS',
      'BHS|^~\\&|RIS',
      ...ORM,
      ...ORM.map((l) => l.replace('C1', 'C2')),
      'BTS|2',
      'FTS|1',
    ];
    const ok = parseHl7('batch.hl7', batch.join('\r'));
    expect(ok.issues).toEqual([]);
    expect(ok.messages.map((m) => m.controlId)).toEqual(['C1', 'C2']);
    const wrong = parseHl7('batch.hl7', batch.join('\r').replace('BTS|2', 'BTS|3'));
    expect(wrong.messages).toHaveLength(2);
    expect(wrong.issues).toEqual([
      expect.objectContaining({
        code: 'hl7-batch-count',
        line: 11,
        column: 'BTS.1',
        severity: 'warning',
      }),
    ]);
  });
});

describe('parseHl7: delimiters and values', () => {
  it('takes the delimiters from MSH-1/MSH-2 (custom separators)', () => {
    const text = [
      'MSH#$*!@#RIS#CHU#P#C#20100315083000##ORM$O01#X9#P#2.5',
      'OBR#1#P1#F1#A1$Code one*B2$Code two#x!F!y@z',
    ].join('\r');
    const { messages, issues } = parseHl7('custom.hl7', text);
    expect(issues).toEqual([]);
    const m = messages[0]!;
    expect(m.delimiters).toEqual({
      field: '#',
      component: '$',
      repetition: '*',
      escape: '!',
      subcomponent: '@',
    });
    expect(m.type).toBe('ORM^O01');
    const obr = m.segments[1]!;
    expect(fieldValue(obr, m.delimiters, 4, 2)).toBe('Code one');
    expect(fieldValue(obr, m.delimiters, 4, 1, 1, 1)).toBe('B2');
    expect(repetitionCount(obr, m.delimiters, 4)).toBe(2);
    expect(fieldValue(obr, m.delimiters, 5)).toBe('x#y');
    expect(fieldValue(obr, m.delimiters, 5, 1, 2)).toBe('z');
    expect(fieldValue(obr, m.delimiters, 5, 2)).toBe('');
    expect(getValue(m, 'MSH-1')).toBe('#');
    expect(getValue(m, 'MSH-2')).toBe('$*!@');
  });

  it('reads components, subcomponents and repetitions by SEG-n.c.s', () => {
    const m = parseHl7('a.hl7', [...ORM, 'PV1|1|I|REA^12&B^3'].join('\r')).messages[0]!;
    expect(getValue(m, 'OBR-4')).toBe('SCAN-TDM');
    expect(getValue(m, 'OBR-4.2')).toBe('Scanner thorax');
    expect(getValue(m, 'PV1-3.2.2')).toBe('B');
    expect(getValue(m, 'PV1.3.1')).toBe('REA');
    expect(getValue(m, 'OBR-99')).toBe('');
    expect(getValue(m, 'ZZZ-1')).toBe('');
    expect(() => getValue(m, 'OBR')).toThrow(/SEG-n/);
  });

  it('decodes escape sequences', () => {
    const d = DEFAULT_DELIMITERS;
    expect(unescapeHl7('A\\T\\E \\F\\ \\S\\ \\R\\ \\E\\', d)).toBe('A&E | ^ ~ \\');
    expect(unescapeHl7('line1\\.br\\line2', d)).toBe('line1\nline2');
    expect(unescapeHl7('caf\\XC3A9\\', d)).toBe('café');
    expect(unescapeHl7('\\H\\bold\\N\\', d)).toBe('bold');
    expect(unescapeHl7('\\Q\\', d)).toBe('\\Q\\');
    expect(unescapeHl7(escapeHl7('a|b^c~d\\e&f', d), d)).toBe('a|b^c~d\\e&f');
    const m = parseHl7('e.hl7', [...ORM, 'NTE|1||Urgences A\\T\\E\\.br\\2e ligne'].join('\r'))
      .messages[0]!;
    expect(getValue(m, 'NTE-3')).toBe('Urgences A&E\n2e ligne');
  });
});

describe('parseHl7: located issues', () => {
  it('reports a malformed escape at its segment line and field', () => {
    const { messages, issues } = parseHl7(
      'e.hl7',
      [...ORM, 'NTE|1||bad \\Q\\ here|x\\F'].join('\n'),
    );
    expect(messages).toHaveLength(1);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'hl7-bad-escape', file: 'e.hl7', line: 5, column: 'NTE.3' }),
      expect.objectContaining({ code: 'hl7-bad-escape', file: 'e.hl7', line: 5, column: 'NTE.4' }),
    ]);
  });

  it('skips a message whose delimiters are unusable, keeps the next one', () => {
    const text = ['MSH|^^\\&|RIS', 'PID|1', ...ORM].join('\r');
    const { messages, issues } = parseHl7('d.hl7', text);
    expect(messages.map((m) => m.controlId)).toEqual(['C1']);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'hl7-bad-delimiters', line: 1, column: 'MSH.2' }),
    ]);
  });

  it('reports lines that are not segments, text before MSH, and missing MSH-9/MSH-10', () => {
    const text = [
      'garbage',
      ...ORM,
      'P|x',
      'MSH|^~\\&|A|B|C|D|2010',
      'MSH|^~\\&|A|B|C|D|2010||ADT^A01',
    ].join('\n');
    const { messages, issues } = parseHl7('x.hl7', text);
    expect(messages.map((m) => m.type)).toEqual(['ORM^O01', 'ADT^A01']);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['hl7-outside-message', 1, null],
      ['hl7-bad-segment', 6, null],
      ['hl7-no-type', 7, 'MSH.9'],
      ['hl7-no-control-id', 8, 'MSH.10'],
    ]);
  });

  it('gives an error for a file with no message', () => {
    expect(parseHl7('empty.hl7', '').issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'hl7-no-message' }),
    ]);
    expect(parseHl7('t.hl7', 'hello\nworld').issues.map((i) => i.code)).toEqual([
      'hl7-outside-message',
      'hl7-no-message',
    ]);
  });

  it('parseHl7Message reads one message and warns about extra ones', () => {
    expect(parseHl7Message(ORM.join('\r')).message?.controlId).toBe('C1');
    const two = parseHl7Message([...ORM, ...ORM].join('\r'), 'mllp#1');
    expect(two.message?.controlId).toBe('C1');
    expect(two.issues).toEqual([
      expect.objectContaining({ code: 'hl7-several-messages', file: 'mllp#1', line: 5 }),
    ]);
  });
});

describe('buildAck', () => {
  it('swaps sender and receiver and acknowledges the control id', () => {
    const m = parseHl7Message(ORM.join('\r')).message!;
    const ack = buildAck(m, 'AA', undefined, new Date(Date.UTC(2010, 2, 15, 8, 30, 5)));
    expect(ack).toBe(
      'MSH|^~\\&|PLATEAU|CHU|RIS|CHU|20100315083005+0000||ACK^O01^ACK|ACKC1|P|2.5\rMSA|AA|C1\r',
    );
    const parsed = parseHl7Message(ack).message!;
    expect(getValue(parsed, 'MSA-2')).toBe('C1');
    const error = buildAck(m, 'AE', 'OBR-7 | bad');
    expect(getValue(parseHl7Message(error).message!, 'MSA-3')).toBe('OBR-7 | bad');
  });

  it("answers with the sender's own delimiters", () => {
    const m = parseHl7Message('MSH#$*!@#RIS#CHU#P#C#2010##ORM$O01#X9#P#2.5').message!;
    expect(buildAck(m, 'AR', 'no', new Date(0))).toBe(
      'MSH#$*!@#P#C#RIS#CHU#19700101000000+0000##ACK$O01$ACK#ACKX9#P#2.5\rMSA#AR#X9#no\r',
    );
  });
});

describe('readHl7Time', () => {
  const paris = new ZoneClock('Europe/Paris');
  it('reads offsets, local times, precisions and fractions', () => {
    expect(readHl7Time('202110201126+0215', paris)).toEqual({
      kind: 'ok',
      instant: Date.parse('2021-10-20T09:11:00Z'),
      precision: 'minute',
    });
    expect(readHl7Time('201203141259-0215', paris)).toEqual({
      kind: 'ok',
      instant: Date.parse('2012-03-14T15:14:00Z'),
      precision: 'minute',
    });
    expect(readHl7Time('20100315090500', paris)).toEqual({
      kind: 'ok',
      instant: Date.parse('2010-03-15T08:05:00Z'),
      precision: 'second',
    });
    expect(readHl7Time('20100715', paris)).toEqual({
      kind: 'ok',
      instant: Date.parse('2010-07-14T22:00:00Z'),
      precision: 'day',
    });
    expect(readHl7Time('20210817151943.4+0200', paris)).toEqual({
      kind: 'ok',
      instant: Date.parse('2021-08-17T13:19:43.400Z'),
      precision: 'second',
    });
  });
  it('flags DST gaps and repeats, and rejects what is not a time', () => {
    expect(readHl7Time('20100328023000', paris)).toEqual({
      kind: 'gap',
      instant: Date.parse('2010-03-28T01:30:00Z'),
    });
    expect(readHl7Time('20101031023000', paris)).toEqual({
      kind: 'ambiguous',
      instant: Date.parse('2010-10-31T00:30:00Z'),
    });
    for (const bad of [
      '',
      '2010-03-15',
      '20100230',
      '201013',
      '2010031525',
      '20100315+01',
      '201003151200.',
      '2010031512000',
      'abcd',
      '20100315+2500',
    ]) {
      expect(readHl7Time(bad, paris), bad).toEqual({ kind: 'syntax' });
    }
  });
});

describe('warnings about unreadable content (issue 11, item 9)', () => {
  it('describe a wrapped line, a stray line, a bad escape and a bad time by place and shape, never by text', () => {
    const text = [
      'MARTIN Paul, 12 rue des Lilas',
      'MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20100315083000+0100||ORM^O01|C1|P|2.5',
      'PID|1||IPP123^^^CHU||MARTIN^PAUL||19600101|M|||12 RUE DES',
      'LILAS^^LENS^^62300',
      'ORC|NW|P1|F1||SC||||MARTIN PAUL',
      'OBR|1|P1|F1|TDM\\Qmartin|||20100315084500+0100|20100315090000+0100',
    ].join('\r');
    const { messages, issues } = parseHl7('wrapped.hl7', text);
    expect(messages).toHaveLength(1);
    const read = readHl7Files([{ name: 'wrapped.hl7', bytes: new TextEncoder().encode(text) }], {
      mapping: { finess: '1', timeZone: 'Europe/Paris', equipment: [], categories: [], acts: [] },
      secret: 's',
    });
    const all = [...issues, ...read.issues];
    expect(all.map((i) => [i.code, i.line, i.column])).toEqual(
      expect.arrayContaining([
        ['hl7-outside-message', 1, null],
        ['hl7-bad-segment', 4, null],
        ['hl7-bad-escape', 6, 'OBR.4'],
        ['hl7-bad-time', 5, 'ORC.9'],
      ]),
    );
    const said = JSON.stringify(all);
    for (const text of ['MARTIN', 'Martin', 'martin', 'Lilas', 'LILAS', 'LENS', '62300', 'Qmartin'])
      expect(said, text).not.toContain(text);
    const wrapped = all.find((i) => i.code === 'hl7-bad-segment');
    expect(wrapped?.message).toContain('18 characters: letters, digits, punctuation');
    expect(wrapped?.message).toContain('after the PID segment');
  });
});
