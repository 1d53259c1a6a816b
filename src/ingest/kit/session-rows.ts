/**
 * Rows of sessions.csv: a machine's opening span (start, end, type), checked against its machine
 * and the campaign's days (a day of margin kept with a warning, further away an error).
 */
import { SESSION_TYPES, type Session } from '../../core/kit-types.ts';
import type { CsvRecord } from '../csv.ts';
import type { CampaignWindow } from './campaign-window.ts';
import type { CellReader } from './cells.ts';
import type { IssueSink } from './issue-sink.ts';
import type { KitMachines } from './kit-machines.ts';

type RowReader = (row: CsvRecord) => void;

/** Reads sessions.csv's rows into `rows`. */
export class SessionRows {
  readonly rows: Session[];
  readonly #machines: KitMachines;
  readonly #window: CampaignWindow | null;
  readonly #campaignStart: string;
  readonly #sink: IssueSink;

  constructor(
    rows: Session[],
    machines: KitMachines,
    window: CampaignWindow | null,
    campaignStart: string,
    sink: IssueSink,
  ) {
    this.rows = rows;
    this.#machines = machines;
    this.#window = window;
    this.#campaignStart = campaignStart;
    this.#sink = sink;
  }

  read(col: (c: string) => number, r: CellReader): RowReader {
    const iEq = col('equipment_id');
    const iStart = col('start');
    const iEnd = col('end');
    const iType = col('type');
    const sessions = this.rows;
    return (row) => {
      const equipment = this.#machines.known(row, iEq, r);
      const start = r.dateTime(row, iStart, 'start');
      const end = r.dateTime(row, iEnd, 'end');
      const type = r.choice(SESSION_TYPES, row, iType, 'type');
      if (end <= start) {
        r.say('error', 'end-before-start', row.line, 'end', {
          end: row.cell(iEnd),
          start: row.cell(iStart),
        });
        return;
      }
      if (equipment === null || !type || start !== start || end !== end) return;
      if (this.#outside(row, iStart, iEnd, start, end, r)) return;
      if (this.#sink.errorCount > 0) return;
      sessions.push({ equipmentId: equipment.id, start, end, type });
    };
  }

  /**
   * Reports a session that lies away from the campaign's days: an error (true) when it starts or
   * ends more than a day away, a warning when it lies wholly within the day of margin.
   */
  #outside(
    row: CsvRecord,
    iStart: number,
    iEnd: number,
    start: number,
    end: number,
    r: CellReader,
  ): boolean {
    const window = this.#window;
    const place = window === null ? 'in' : window.placeOfSpan(start, end);
    if (place === 'in' || window === null) return false;
    const span = { from: row.cell(iStart), to: row.cell(iEnd) };
    if (place === 'margin') {
      const away = window.away(start, this.#campaignStart);
      r.say('warning', `campaign-margin.session-${away.side}`, row.line, 'start', {
        ...span,
        ...away,
      });
      return false;
    }
    const far = window.placeOf(start) === 'far' ? start : end;
    const away = window.away(far, this.#campaignStart);
    r.say(
      'error',
      `outside-campaign.session-${away.side}`,
      row.line,
      far === start ? 'start' : 'end',
      {
        ...span,
        ...away,
        end: far === start ? 0 : 1,
      },
    );
    return true;
  }
}
