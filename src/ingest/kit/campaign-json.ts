/**
 * campaign.json of a kit: parsed, then checked field by field with the same rules as a bundle's
 * campaign identity (one rule for both); each problem is located on the line naming its key.
 */
import type { Campaign } from '../../core/kit-types.ts';
import { invalidCampaignFields } from '../../core/bundle/validate.ts';
import { shownCellText } from './identifying.ts';
import type { IssueSink } from './issue-sink.ts';

const CAMPAIGN_KEYS = ['id', 'name', 'start', 'days', 'timeZone'];

/** campaign.json, checked field by field; null (with errors) when unusable. */
export function readCampaign(text: string, file: string, sink: IssueSink): Campaign | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    let line: number | null = null;
    if (lineCol) line = Number(lineCol[1]);
    else if (at) line = text.slice(0, Number(at[1])).split('\n').length;
    sink.say('error', 'invalid-json', file, line, null, {
      file,
      detail: message,
      example:
        '{ "id": "anap-2010", "name": "…", "start": "2010-03-01", "days": 28, "timeZone": "Europe/Paris" }',
    });
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    sink.say('error', 'invalid-json.object', file, 1, null, {
      file,
      example: '{ "id": …, "name": …, "start": …, "days": …, "timeZone": … }',
    });
    return null;
  }
  const record = data as Record<string, unknown>;
  const lineOf = (key: string): number | null => {
    const at = text.indexOf(`"${key}"`);
    return at < 0 ? 1 : text.slice(0, at).split('\n').length;
  };
  let ok = true;
  const fail = (key: 'id' | 'name' | 'start' | 'days' | 'timeZone', value: unknown): void => {
    ok = false;
    if (value === undefined)
      sink.say('error', `invalid-campaign.${key}-missing`, file, lineOf(key), key);
    else
      sink.say('error', `invalid-campaign.${key}`, file, lineOf(key), key, {
        // A text as a cell's text (shown when a number, a date or a code), another value by its JSON type.
        value:
          typeof value === 'string'
            ? `"${shownCellText(value)}"`
            : typeof value === 'object' && value !== null
              ? Array.isArray(value)
                ? 'a list'
                : 'an object'
              : (JSON.stringify(value) ?? String(value)),
      });
  };
  const { id, name, start, days, timeZone } = record;
  // The same checks as a bundle's campaign identity (one rule for both).
  for (const field of invalidCampaignFields(record)) fail(field, record[field]);
  for (const key of Object.keys(record)) {
    if (!CAMPAIGN_KEYS.includes(key)) {
      sink.say('warning', 'unknown-key', file, lineOf(key), key, {
        file,
        key,
        keys: CAMPAIGN_KEYS.join(', '),
      });
    }
  }
  if (!ok) return null;
  return {
    id: id as string,
    name: name as string,
    start: start as string,
    days: days as number,
    timeZone: timeZone as string,
  };
}
