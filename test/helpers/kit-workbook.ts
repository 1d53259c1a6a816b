// A small data kit kept as one workbook, as `plateau template --xlsx` writes it and a manager
// fills it in: one CT in Bourg, one morning session, two exams (an outpatient, an emergency).
import { kitTemplateXlsx } from '../../src/ingest/sources/xlsx/index.ts';

/** The filled workbook of campaign `id` (7 days from 2010-03-01, Paris). */
export function filledKitWorkbook(id = 'book', name = 'Classeur'): Uint8Array {
  return kitTemplateXlsx({
    lang: 'fr',
    campaign: { id, name, start: { dateTime: '2010-03-01' }, days: 7, timeZone: 'Europe/Paris' },
    rows: {
      'establishments.csv': [['010000024', 'CH Bourg', 'CH', 'ARA', '01']],
      'equipment.csv': [['CT-1', '010000024', 'CT', 'Scanner', 2006, 'general']],
      'sessions.csv': [
        [
          'CT-1',
          { dateTime: '2010-03-01T08:00' },
          { dateTime: '2010-03-01T13:00' },
          'PUBLIC_SCHEDULED',
        ],
      ],
      'exams.csv': [
        [
          'E1',
          'CT-1',
          'A',
          { dateTime: '2010-03-01T08:30' },
          { dateTime: '2010-03-01T08:50' },
          null,
          75,
        ],
        [
          'E2',
          'CT-1',
          'U',
          { dateTime: '2010-03-01T09:00' },
          { dateTime: '2010-03-01T09:12' },
          null,
          50,
        ],
      ],
    },
  });
}

/** The blank template: every required cell empty, so reading it gives located errors. */
export function blankKitWorkbook(): Uint8Array {
  return kitTemplateXlsx({ lang: 'fr' });
}
