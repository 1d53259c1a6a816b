// HL7 v2 messages of whole exams, a site mapping and a campaign, for the CLI's source tests: each
// exam is an order (OMI^O23, station in IPC-7) and its in-process and completed status messages,
// with local times of Europe/Paris (winter, UTC+1).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageKey } from '../../src/ingest/sources/mllp/index.ts';
import type { JournalMeta } from '../../src/ingest/sources/mllp/index.ts';

/** One message: its text and what the listener would journal beside it. */
export interface Message {
  text: string;
  meta: JournalMeta;
}

const PID = 'PID|1||IPP42^^^CHU^PI||MARTIN^PAUL||19550505|M|||1 RUE X^^PARIS';

function message(type: string, id: string, segments: string[], receivedAt: string): Message {
  const text = [
    `MSH|^~\\&|RIS|CHU|PLATEAU|CHU|20260303090000+0100||${type}|${id}|P|2.5`,
    PID,
    'PV1|1|O',
    ...segments,
  ].join('\r');
  return {
    text,
    meta: {
      receivedAt,
      key: messageKey('RIS', 'CHU', id),
      controlId: id,
      sendingApplication: 'RIS',
      sendingFacility: 'CHU',
      messageType: type,
    },
  };
}

/**
 * The three messages of exam `n` (accession ACC<n>, n < 49), on `day` (YYYYMMDD, default
 * 2026-03-03) from 09:00 + n minutes to 09:10 + n minutes local time, on the station
 * CT_STATION_1; its local code TDM-THX is not mapped to a CCAM act (a located warning).
 */
export function examMessages(n: number, day = '20260303'): Message[] {
  const minute = (m: number): string => String(m).padStart(2, '0');
  const at = (m: number): string => `${day}09${minute(m)}00`;
  const received = (m: number): string =>
    `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T08:${minute(m)}:00.000Z`;
  return [
    message(
      'OMI^O23',
      `O${n}`,
      [
        `ORC|NW|P${n}|F${n}||SC||||${day}081500+0100`,
        `OBR|1|P${n}|F${n}|TDM-THX^Scanner thorax`,
        `IPC|ACC${n}|RP${n}|1.2.${n}|SPS${n}|CT||CT_STATION_1`,
      ],
      received(n),
    ),
    message('ORM^O01', `S${n}`, [`ORC|SC|P${n}|F${n}||IP||||${at(n)}`], received(n + 1)),
    message('ORM^O01', `C${n}`, [`ORC|SC|P${n}|F${n}||CM||||${at(n + 10)}`], received(n + 11)),
  ];
}

/** The campaign of the fixtures: 7 days from 2026-03-02. */
export const CAMPAIGN_ARGS = [
  '--campaign-id',
  'journal-2026',
  '--start',
  '2026-03-02',
  '--days',
  '7',
];

/** Writes the site mapping of the fixtures into `dir` and returns its path. */
export function writeMapping(dir: string): string {
  const path = join(dir, 'mapping.csv');
  writeFileSync(
    path,
    [
      'kind,key,value,target',
      'site,finess,,620454421',
      'site,time_zone,,Europe/Paris',
      'site,name,,CH Test',
      'site,legal_status,,CH',
      'site,region,,Hauts-de-France',
      'equipment,station,CT_STATION_1,CT-1',
      'equipment,station,CT01_OC0,CT-GE',
      'equipment,modality,CT,CT-1',
      'category,patient_class,O,A',
      '',
    ].join('\n'),
  );
  return path;
}
