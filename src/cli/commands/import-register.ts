/**
 * `plateau import FILE.csv --campaign ID` for the whole fleet alone: an equipment-register.csv
 * (known by its header) or FINESS extractions (known by their first line), read against the
 * stored campaign's machines and stored in one transaction as that campaign's register, which
 * they replace whole. The campaign's records, results and issues are left as they are. While
 * `plateau serve` holds the embedded store, the file is handed to it (`POST
 * /api/campaigns/:id/register`, one file per request: FINESS extractions given apart are sent
 * concatenated, which the reader reads as one, and their issues are located back in each file).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Issue } from '../../core/issues.ts';
import { issueTotals } from '../../core/issues.ts';
import type { RegisterMachine } from '../../core/kit-types.ts';
import { isRegisterHeader, readRegisterFile } from '../../ingest/kit/register-file.ts';
import type { FinessReadResult } from '../../ingest/sources/finess/read-finess.ts';
import {
  isFinessExtraction,
  readFinessExtractions,
} from '../../ingest/sources/finess/read-finess.ts';
import type { RegisterUploadResult } from '../../server/routes/register.ts';
import type { CampaignListing, Store } from '../../storage/index.ts';
import {
  describeHolder,
  importRegister,
  listCampaigns,
  loadEquipment,
  StoreError,
} from '../../storage/index.ts';
import type { OptionValues } from '../command.ts';
import { stringOption } from '../command.ts';
import { printIssues, say, UserError } from '../output.ts';
import { describeRegisterImport } from './import-summary.ts';
import type { ServingHolder } from './server-handoff.ts';
import { apiMessage, issueKey, jsonOf, servingHolder } from './server-handoff.ts';
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
export async function registerInputKind(
  paths: readonly string[],
): Promise<RegisterInputKind | null> {
  if (paths.length === 0) return null;
  const heads = await Promise.all(paths.map(headOf));
  if (heads.some((h) => h === null)) return null;
  const texts = heads as string[];
  if (texts.length === 1 && isRegisterHeader(texts[0] as string)) return 'register';
  return texts.every((h) => isFinessExtraction(h)) ? 'finess' : null;
}

/** The campaign `--campaign` (or `--campaign-id`) names, if any. */
const askedCampaign = (values: OptionValues): string | undefined =>
  stringOption(values, 'campaign') ?? stringOption(values, 'campaign-id');

/**
 * The stored campaign the register is for, among `campaigns`: the one `asked` names, else the
 * only one; a UserError listing the stored ids otherwise.
 */
function pickCampaign<T extends { id: string }>(
  campaigns: readonly T[],
  asked: string | undefined,
): T {
  const ids = campaigns.map((c) => c.id).join(', ');
  if (campaigns.length === 0) throw new UserError(say('cli.register.noCampaign'));
  if (asked === undefined) {
    if (campaigns.length > 1) throw new UserError(say('cli.register.campaignMissing', { ids }));
    return campaigns[0] as T;
  }
  const found = campaigns.find((c) => c.id === asked);
  if (!found) throw new UserError(say('cli.register.campaignUnknown', { id: asked, ids }));
  return found;
}

/** The stored campaign the register is for: `--campaign` (or `--campaign-id`), else the only one. */
async function campaignFor(store: Store, values: OptionValues): Promise<CampaignListing> {
  return pickCampaign(await listCampaigns(store), askedCampaign(values));
}

/** The FINESS extractions in `files` read as one, their issues printed; a UserError on an error. */
function readFiness(files: readonly { path: string; bytes: Uint8Array }[]): FinessReadResult {
  const read = readFinessExtractions(
    files.map(({ path, bytes }) => ({ input: bytes, fileName: basename(path) })),
  );
  printIssues(read.issues);
  if (issueTotals(read.issues).error > 0)
    throw new UserError(say('cli.register.refused', { place: files.map((f) => f.path).join(' ') }));
  return read;
}

const readFiles = (paths: readonly string[]): Promise<{ path: string; bytes: Uint8Array }[]> =>
  Promise.all(paths.map(async (path) => ({ path, bytes: new Uint8Array(await readFile(path)) })));

/** The rows of the files for `campaign`, their issues printed; a UserError when any is an error. */
async function readRows(
  store: Store,
  paths: readonly string[],
  kind: RegisterInputKind,
  campaign: CampaignListing,
): Promise<RegisterMachine[]> {
  const files = await readFiles(paths);
  if (kind === 'finess') return readFiness(files).rows;
  const [{ path, bytes }] = files as [{ path: string; bytes: Uint8Array }];
  const equipment = await loadEquipment(store, campaign.id);
  const { id, name, start, days, timeZone } = campaign;
  const read = readRegisterFile(basename(path), bytes, {
    campaign: { id, name, start, days, timeZone },
    equipment,
  });
  printIssues(read.issues);
  if (read.rows === null || issueTotals(read.issues).error > 0) {
    throw new UserError(say('cli.register.refused', { place: paths.join(' ') }));
  }
  return read.rows;
}

/** One request's body: the file, or FINESS extractions joined, and where each file's lines start. */
interface RegisterBody {
  bytes: Uint8Array;
  /** The name issues are located in (`name=`). */
  name: string;
  /** Each file given, and the line of the body its first line is. */
  parts: { file: string; firstLine: number }[];
}

/** The body of `files`: one file as is; several FINESS extractions as one UTF-8 text, each ending with a line break. */
function registerBody(files: readonly { path: string; bytes: Uint8Array }[]): RegisterBody {
  if (files.length === 1) {
    const [{ path, bytes }] = files as [{ path: string; bytes: Uint8Array }];
    return { bytes, name: basename(path), parts: [{ file: basename(path), firstLine: 1 }] };
  }
  let text = '';
  let line = 1;
  const parts: RegisterBody['parts'] = [];
  for (const { path, bytes } of files) {
    // Decoded as the reader does (UTF-8, else Latin-1: both are published), so both can be joined.
    let own: string;
    try {
      own = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      own = new TextDecoder('latin1').decode(bytes);
    }
    if (own.charCodeAt(0) === 0xfeff) own = own.slice(1);
    if (!own.endsWith('\n')) own += '\n';
    parts.push({ file: basename(path), firstLine: line });
    for (let at = own.indexOf('\n'); at >= 0; at = own.indexOf('\n', at + 1)) line++;
    text += own;
  }
  return { bytes: new TextEncoder().encode(text), name: 'finess-extractions.csv', parts };
}

/** `issue` located back in the file of `body` its line falls in. */
function locatedBack(issue: Issue, body: RegisterBody): Issue {
  if (body.parts.length === 1 || issue.file !== body.name) return issue;
  const part =
    issue.line === null ? null : body.parts.findLast((p) => p.firstLine <= (issue.line as number));
  if (!part || issue.line === null)
    return { ...issue, file: body.parts.map((p) => p.file).join(' + ') };
  return { ...issue, file: part.file, line: issue.line - part.firstLine + 1 };
}

/**
 * Imports the register in `paths` through the `plateau serve` that holds the store, when one does:
 * returns the exit code, or null when there is no such server (or it stopped before taking the
 * file), to import here. FINESS extractions are read here first (their issues printed as a local
 * import prints them); the server's issues are printed unless already printed.
 */
async function handOffRegister(
  paths: readonly string[],
  kind: RegisterInputKind,
  values: OptionValues,
): Promise<number | null> {
  const server = await servingHolder(values);
  if (server === null) return null;
  process.stderr.write(
    `the store is held by ${describeHolder(server)}: handing the register to it\n`,
  );
  let listed: Response;
  try {
    listed = await fetch(new URL('api/campaigns', server.url));
  } catch {
    return null; // stopped: the store is free again (or held by another)
  }
  if (!listed.ok)
    throw new UserError(
      `${describeHolder(server)} did not list its campaigns (${listed.status}: ${apiMessage(await jsonOf(listed))})`,
    );
  const campaign = pickCampaign((await listed.json()) as { id: string }[], askedCampaign(values));
  const files = await readFiles(paths);
  const printed = new Set<string>();
  if (kind === 'finess') {
    // Read here, as a local import would, so that its issues are located in each file given.
    for (const i of readFiness(files).issues) printed.add(issueKey(i));
  }
  const body = registerBody(files);
  let response: Response;
  try {
    response = await fetch(
      new URL(
        `api/campaigns/${encodeURIComponent(campaign.id)}/register?name=${encodeURIComponent(body.name)}`,
        server.url,
      ),
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: body.bytes as Uint8Array<ArrayBuffer>,
      },
    );
  } catch {
    return null;
  }
  const answer = await jsonOf(response);
  const issues = ((answer as { issues?: Issue[] } | null)?.issues ?? []).map((i) =>
    locatedBack(i, body),
  );
  printIssues(issues.filter((i) => !printed.has(issueKey(i))));
  if (response.status === 422)
    throw new UserError(say('cli.register.refused', { place: paths.join(' ') }));
  if (response.status !== 200) {
    throw new UserError(
      `${describeHolder(server)} refused the register (${response.status}: ${apiMessage(answer)}); nothing was stored`,
    );
  }
  process.stdout.write(
    `${describeHandedRegister(answer as RegisterUploadResult, paths, server)}\n`,
  );
  return 0;
}

/** What the server did with the register, in the words of a local import, and which server did it. */
function describeHandedRegister(
  r: RegisterUploadResult,
  paths: readonly string[],
  server: ServingHolder,
): string {
  const [first, ...rest] = describeRegisterImport(r, paths.map((p) => resolve(p)).join(' ')).split(
    '\n',
  );
  return [`${first} (through ${describeHolder(server)})`, ...rest].join('\n');
}

/**
 * Imports the register in `paths` (of `kind`) into the stored campaign the options name, prints
 * what changed, and returns the exit code. A register with errors stores nothing; an unknown
 * campaign, or none named while several are stored, is refused with the stored ids. While
 * `plateau serve` holds the embedded store, the register is handed to it.
 *
 * @example
 * return importRegisterFiles(['equipment-register.csv'], 'register', values);
 */
export async function importRegisterFiles(
  paths: readonly string[],
  kind: RegisterInputKind,
  values: OptionValues,
): Promise<number> {
  const handedOff = await handOffRegister(paths, kind, values);
  if (handedOff !== null) return handedOff;
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
