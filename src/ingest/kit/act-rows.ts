/**
 * Rows of acts.csv: the CCAM codes of the campaign with their ICR value and optional family,
 * each code once.
 */
import { ACT_FAMILIES } from '../../core/act-families.ts';
import type { Act } from '../../core/kit-types.ts';
import type { CsvRecord } from '../csv.ts';
import { detach, type CellReader } from './cells.ts';
import type { IssueSink } from './issue-sink.ts';

type RowReader = (row: CsvRecord) => void;

/** Reads acts.csv's rows into `rows`. */
export class ActRows {
  readonly rows: Act[];
  /** code → its first line. */
  readonly #lines = new Map<string, number>();
  readonly #sink: IssueSink;

  constructor(rows: Act[], sink: IssueSink) {
    this.rows = rows;
    this.#sink = sink;
  }

  read(col: (c: string) => number, r: CellReader): RowReader {
    const iCode = col('code');
    const iLabel = col('label');
    const iIcr = col('icr');
    const iFamily = col('family');
    return (row) => {
      const codeText = r.required(row, iCode, 'code');
      let code: string | null = null;
      if (codeText !== null) {
        const first = this.#lines.get(codeText);
        if (first !== undefined) {
          r.say('error', 'duplicate-key.act', row.line, 'code', {
            code: codeText,
            first: String(first),
          });
        } else {
          code = detach(codeText);
          this.#lines.set(code, row.line);
        }
      }
      const label = row.cell(iLabel);
      const icr = r.requiredNumber(row, iIcr, 'icr', 0);
      const family = r.choice(ACT_FAMILIES, row, iFamily, 'family', true);
      if (code === null || icr !== icr || family === undefined || this.#sink.errorCount > 0) return;
      this.rows.push({ code, label: detach(label), icr, ...(family === null ? {} : { family }) });
    };
  }
}
