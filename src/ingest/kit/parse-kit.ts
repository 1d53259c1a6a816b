/**
 * The kit reader's entry for contents already in memory (a folder or zip picked in a browser, a
 * workbook's sheets): `parseKit` feeds them to a KitParser (kit-parser.ts) in the kit's order.
 * Also re-exports the reader's types for its importers.
 */
import { makeIssue } from '../../i18n/issues/index.ts';
import { KitParser, type KitParserOptions, type KitReadResult } from './kit-parser.ts';
import { CAMPAIGN_FILE, COSTS_FILE_NAME, KIT_READ_FILES } from './kit-files.ts';

export {
  KitParser,
  type KitFileSummary,
  type KitReadResult,
  type KitParserOptions,
} from './kit-parser.ts';
export type { KitFileFeed } from './csv-feed.ts';

/**
 * Reads a kit from its files' contents (a folder or zip picked in a browser): names may carry
 * folders (only the base name counts, case-insensitively), contents are text or UTF-8 bytes.
 *
 * @example
 * const { kit, issues } = parseKit(new Map([['campaign.json', json], ['exams.csv', bytes], …]));
 * if (kit === null) showIssues(issues);
 */
export function parseKit(
  files: ReadonlyMap<string, string | Uint8Array>,
  options: KitParserOptions = {},
): KitReadResult {
  const parser = new KitParser(options);
  const byName = new Map<string, { name: string; content: string | Uint8Array }>();
  for (const [path, content] of files) {
    const name = path.split(/[\\/]/).pop() ?? path;
    if (name === '' || name.startsWith('.') || path.includes('__MACOSX')) continue;
    const key = name.toLowerCase();
    if (byName.has(key)) {
      parser.report(makeIssue('error', 'duplicate-file', name, null, null, { file: name, path }));
      continue;
    }
    byName.set(key, { name, content });
  }
  const known = new Set([CAMPAIGN_FILE, COSTS_FILE_NAME, ...KIT_READ_FILES.map((f) => f.name)]);
  for (const [key, { name }] of byName)
    if (!known.has(key) && /\.(csv|json|txt|xlsx?)$/i.test(key)) parser.unknownFile(name);
  parser.campaign(byName.get(CAMPAIGN_FILE)?.content ?? null, byName.get(CAMPAIGN_FILE)?.name);
  for (const spec of KIT_READ_FILES) {
    const entry = byName.get(spec.name);
    const feed = parser.csv(spec, entry?.name ?? null, entry?.content.length);
    if (feed === null || entry === undefined) continue;
    feed.push(entry.content);
    feed.end();
  }
  const costs = byName.get(COSTS_FILE_NAME);
  if (costs !== undefined) parser.costs(costs.content, costs.name);
  return parser.finish();
}
