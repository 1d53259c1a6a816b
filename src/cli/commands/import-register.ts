/**
 * `plateau import FILE.csv --campaign ID` for the whole fleet alone: an equipment-register.csv
 * (known by its header) or FINESS extractions (known by their first line), read against the
 * stored campaign's machines and stored in one transaction as that campaign's register, which
 * they replace whole. The campaign's records, results and issues are left as they are.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Issue } from '../../core/issues.ts';
import { issueTotals } from '../../core/issues.ts';
import type { RegisterMachine } from '../../core/kit-types.ts';
import { isRegisterHeader, readRegisterFile } from '../../ingest/kit/register-file.ts';
import { isFinessExtraction, readFinessExtractions } from '../../ingest/sources/finess/read-finess.ts';
import type { CampaignListing, Store } from '../../storage/index.ts';
import { importRegister, listCampaigns, loadEquipment, StoreError } from '../../storage/index.ts';
import type { OptionValues } from '../command.ts';
import { stringOption } from '../command.ts';
import { printIssues, say, UserError } from '../output.ts';
import { describeRegisterImport } from './import-summary.ts';
import { withStore } from './store-access.ts';

/** What a file given to `plateau import` holds when it is a register: its own, or FINESS's. */
export type RegisterInputKind = 'register' | 'finess';

/** How much of a file is read to recognise it. */
const HEAD_BYTES = 4096;

async function headOf(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/**
 * `register` when `paths` is one equipment-register.csv, `finess` when every path is a FINESS
 * extraction (the establishments and equipment extractions may come apart), else null.
 *
 * @example
 * await registerInputKind(['./hdf/equipment-register.csv']); // 'register'
 */
export async function registerInputKind(paths: readonly string[]): Promise<RegisterInputKind | null> {
  if (paths.length === 0) return null;
  const heads = await Promise.all(paths.map(headOf));
  if (heads.some((h) => h === null)) return null;
  const texts = heads as string[];
  if (texts.length === 1 && isRegisterHeader(texts[0] as string)) return 'register';
  return texts.every((h) => isFinessExtraction(h)) ? 'finess' : null;
}

/** The stored campaign the register is for: `--campaign` (or `--campaign-id`), else the only one. */
async function campaignFor(store: Store, values: OptionValues): Promise<CampaignListing> {
  const asked = stringOption(values, 'campaign') ?? stringOption(values, 'campaign-id');
  const campaigns = await listCampaigns(store);
  const ids = campaigns.map((c) => c.id).join(', ');
  if (campaigns.length === 0) throw new UserError(say('cli.register.noCampaign'));
  if (asked === undefined) {
    if (campaigns.length > 1) throw new UserError(say('cli.register.campaignMissing', { ids }));
    return campaigns[0] as CampaignListing;
  }
  const found = campaigns.find((c) => c.id === asked);
  if (!found) throw new UserError(say('cli.register.campaignUnknown', { id: asked, ids }));
  return found;
}

/** The rows of the files for `campaign`, their issues printed; a UserError when any is an error. */
async function readRows(
  store: Store,
  paths: readonly string[],
  kind: RegisterInputKind,
  campaign: CampaignListing,
): Promise<RegisterMachine[]> {
  const files = await Promise.all(paths.map(async (path) => ({ path, bytes: new Uint8Array(await readFile(path)) })));
  let read: { rows: RegisterMachine[] | null; issues: Issue[] };
  if (kind === 'register') {
    const [{ path, bytes }] = files as [{ path: string; bytes: Uint8Array }];
    const equipment = await loadEquipment(store, campaign.id);
    const { id, name, start, days, timeZone } = campaign;
    read = readRegisterFile(basename(path), bytes, { campaign: { id, name, start, days, timeZone }, equipment });
  } else {
    read = readFinessExtractions(files.map(({ path, bytes }) => ({ input: bytes, fileName: basename(path) })));
  }
  printIssues(read.issues);
  if (read.rows === null || issueTotals(read.issues).error > 0) {
    throw new UserError(say('cli.register.refused', { place: paths.join(' ') }));
  }
  return read.rows;
}

/**
 * Imports the register in `paths` (of `kind`) into the stored campaign the options name, prints
 * what changed, and returns the exit code. A register with errors stores nothing; an unknown
 * campaign, or none named while several are stored, is refused with the stored ids.
 *
 * @example
 * return importRegisterFiles(['equipment-register.csv'], 'register', values);
 */
export async function importRegisterFiles(
  paths: readonly string[],
  kind: RegisterInputKind,
  values: OptionValues,
): Promise<number> {
  const text = await withStore(values, async (store) => {
    const campaign = await campaignFor(store, values);
    const rows = await readRows(store, paths, kind, campaign);
    try {
      const result = await importRegister(store, campaign.id, rows);
      return describeRegisterImport(result, paths.map((p) => resolve(p)).join(' '));
    } catch (error) {
      if (error instanceof StoreError) throw new UserError(error.message);
      throw error;
    }
  });
  process.stdout.write(`${text}\n`);
  return 0;
}
