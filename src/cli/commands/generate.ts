/**
 * `plateau generate OUT_DIR`: writes a synthetic, seeded data kit shaped like the 2010 ANAP
 * campaign (or scaled up for benchmarks), machine by machine so memory stays bounded.
 */
import { LAST_YEAR, planCampaign, writeGeneratedKit } from '../../generate/index.ts';
import { writeKitFolder } from '../../ingest/kit/kit-folder.ts';
import type { GenerateOptions } from '../../generate/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { intOption, positionals, stringOption } from '../command.ts';
import { Progress, UsageError } from '../output.ts';
import { kitFolderOrFail, onNote } from './convert.ts';

const USAGE = `Usage: plateau generate OUT_DIR [--seed N] [--machines M] [--days D] [--start YYYY-MM-DD] [--year N] [--force]

Writes a synthetic data kit that looks like the 2010 ANAP campaign: 301 establishments in 14
regions, 326 CT and 191 MRI, 28 days from 2010-03-01, about 270,000 exams, vacation grids,
night and on-call work, report and request times, booked durations and the appointment survey.
Its P20/P50/P80 land within 10 % of the published figures. It is synthetic (no real site or
patient) and its ICR values per CCAM act are illustrative. exams.csv carries a synthetic
patient_key (repeats of about 4–5 % within 30 days, some patients seen on a site's CT and MRI);
costs.csv is an illustrative cost set (its origin column says so), not published costs.

  --seed N          the random seed (default 2010); the same seed gives the same kit
  --machines M      scale the panel to M machines (default 517), same CT/MRI mix
  --days D          campaign length in days (default 28); 365 for a national year
  --start DATE      first day (default 2010-03-01; 2011-03-07 in year 2, 2012-03-05 in year 3)
  --year N          the demo year, 1 to 3 (default 1): 2 and 3 are the same panel a year and two
                    years later (campaign synthetic-SEED-y2, -y3), exams drawn anew, with documented
                    changes: machines added in the most under-equipped region, longer hours on
                    saturated MRIs, a site that fixed its late starts, one that got worse, one
                    machine replaced (previous_id in equipment.csv), one removed (docs/demo-years.md)
  --force           replace OUT_DIR whatever it holds (everything in it is deleted); without
                    it, OUT_DIR must be new, empty, or a kit plateau generate wrote there for
                    the same seed (replaced as a whole: the kit is built beside it and renamed
                    into place when complete)

Example (a national year, about 10 million exams, for benchmarks):
  plateau generate /tmp/national-year --machines 2500 --days 365

Example (the three demo years, for trends):
  plateau generate /tmp/y1 && plateau generate /tmp/y2 --year 2 && plateau generate /tmp/y3 --year 3`;

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write a synthetic national campaign as a data kit',
  usage: USAGE,
  options: {
    seed: { type: 'string' },
    machines: { type: 'string' },
    days: { type: 'string' },
    start: { type: 'string' },
    year: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ positionals: args, values }) {
    const [dir] = positionals(args, 1, 1, 'one OUT_DIR');
    const options = generateOptions(values);
    const folder = {
      command: 'plateau generate',
      campaignId: planCampaign(options).campaign.id,
      force: values.force === true,
      forceFlag: '--force',
      onNote,
    };
    await kitFolderOrFail(() =>
      writeKitFolder(dir as string, folder, (tmp) => generateInto(tmp, options, dir)),
    );
    return 0;
  },
};

/** The generator options of a command line. */
export function generateOptions(values: OptionValues): GenerateOptions {
  const start = stringOption(values, 'start');
  if (start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(start))
    throw new UsageError(`--start takes a date YYYY-MM-DD, not '${start}'`);
  return {
    seed: intOption(values, 'seed', 2010, 0, 2 ** 31 - 1),
    machines: intOption(values, 'machines', 517, 1, 100_000),
    days: intOption(values, 'days', 28, 1, 366),
    ...(start ? { start } : {}),
    year: intOption(values, 'year', 1, 1, LAST_YEAR),
  };
}

/**
 * Writes the generated kit into `dir` with progress on stderr and a one-line summary, naming the
 * folder `shownAs` (the final place of a kit built in a work folder).
 */
export async function generateInto(
  dir: string,
  options: GenerateOptions,
  shownAs = dir,
): Promise<void> {
  const progress = new Progress(`generating ${shownAs}`);
  const summary = await writeGeneratedKit(dir, options, (p) =>
    progress.update(p.done, p.total, 'machines'),
  );
  progress.done(
    `wrote ${shownAs}: ${summary.machines} machines, ${summary.exams} exams, ${summary.sessions} sessions, ${summary.registerMachines} machines in the register of the whole fleet, ${summary.slots} slot rows`,
  );
}
