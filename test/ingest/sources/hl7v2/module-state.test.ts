/**
 * Results of the HL7 v2 reader are returned, never passed through module-level variables (issue 17:
 * `let fieldEnd` in parse.ts, the current zone of time.ts's cache): no module-level `let` in
 * src/ingest/sources/hl7v2, and the time cache, keyed by zone, reads interleaved zones right.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../../src/core/calendar.ts';
import { DEFAULT_DELIMITERS } from '../../../../src/ingest/sources/hl7v2/escape.ts';
import { fieldValue, parseHl7 } from '../../../../src/ingest/sources/hl7v2/parse.ts';
import { readHl7Time } from '../../../../src/ingest/sources/hl7v2/time.ts';
import { ROOT } from '../../../helpers/transpile-tree.ts';

describe('HL7 v2 module state', () => {
  it('declares no module-level variable (let/var) in src/ingest/sources/hl7v2', () => {
    const dir = join(ROOT, 'src/ingest/sources/hl7v2');
    const found = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/^(?:export )?(?:let|var) (\w+)/gm)].map(
          (m) => `${f}: ${m[1]}`,
        ),
      );
    expect(found).toEqual([]);
  });

  it('reads the same wall-clock text in two zones, interleaved, each in its own zone', () => {
    const paris = new ZoneClock('Europe/Paris');
    const newYork = new ZoneClock('America/New_York');
    for (let i = 0; i < 3; i++) {
      // 2010-07-01 12:00 local: 10:00Z in Paris (CEST), 16:00Z in New York (EDT).
      expect(readHl7Time('201007011200', paris)).toEqual({
        kind: 'ok',
        instant: Date.UTC(2010, 6, 1, 10),
        precision: 'minute',
      });
      expect(readHl7Time('201007011200', newYork)).toEqual({
        kind: 'ok',
        instant: Date.UTC(2010, 6, 1, 16),
        precision: 'minute',
      });
    }
  });

  it('cuts values of two segments read alternately, each from its own segment', () => {
    const text = [
      'MSH|^~\\&|A|B|C|D|20100315083000||ORM^O01|1|P|2.5',
      'OBR|1|P1|F1|CODE-A^Label A&sub~REP^R|||x',
      'OBR|2|P2|F2|CODE-BB^Label BB|||yy',
    ].join('\r');
    const [message] = parseHl7('a.hl7', text).messages;
    const [a, b] = message!.segments.filter((s) => s.id === 'OBR');
    const d = DEFAULT_DELIMITERS;
    expect([
      fieldValue(a!, d, 4, 2),
      fieldValue(b!, d, 4, 2),
      fieldValue(a!, d, 4, 2, 2),
      fieldValue(b!, d, 7),
      fieldValue(a!, d, 4, 1, 1, 1),
      fieldValue(a!, d, 7),
    ]).toEqual(['Label A', 'Label BB', 'sub', 'yy', 'REP', 'x']);
  });
});
