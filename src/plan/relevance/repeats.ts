/**
 * Repeat exams (planning.md §6), only where exams carry a patient key: exams of one patient on
 * the same modality and act family form chains; an exam within 30 × 24 h (inclusive) of the
 * previous exam of its chain is a repeat. Keys that look like raw identifiers are refused.
 */
import { examFamily, type ActFamily, type ActFamilyOverrides } from '../../core/act-families.ts';
import type { Modality } from '../../core/kit-types.ts';
import type { RelevanceExam, RelevanceMachine, RepeatEntry, RepeatResult } from './types.ts';

/** The repeat window: 30 days of 24 hours, in milliseconds (an exam exactly 30 × 24 h after the previous one is a repeat). */
export const REPEAT_WINDOW_MS = 30 * 24 * 3_600_000;

const HEX = /^[0-9a-f]{32,}$/i;
const BASE64 = /^[A-Za-z0-9_-]{32,}={0,2}$|^[A-Za-z0-9+/]{32,}={0,2}$/;
const PREFIX = 'plateau.h.';

/**
 * Whether a patient key looks like a raw identifier rather than a keyed hash: anything that is
 * not a hash shape is refused (a NIR of 13 digits and a 2-digit key, with or without spaces; a
 * plain number; a name with letters and spaces; any short token). Accepted: `plateau.h.` followed
 * by at least 16 URL-safe characters not all digits, or at least 32 hex or base64(url) characters
 * not all digits. Blank keys are not identifiers (`false`): they mean "no key".
 *
 * @example
 * looksLikeRawIdentifier('1 85 05 78 006 084 36'); // true (a NIR)
 * looksLikeRawIdentifier('plateau.h.Zk3q9X2mWv7pL0aB'); // false
 */
export function looksLikeRawIdentifier(key: string): boolean {
  const k = key.trim();
  if (k === '' || isHexKey(k)) return false;
  const allDigits = (s: string): boolean => /^\d+$/.test(s);
  if (k.startsWith(PREFIX)) {
    const rest = k.slice(PREFIX.length);
    return !(/^[A-Za-z0-9_-]{16,}={0,2}$/.test(rest) && !allDigits(rest.replace(/=+$/, '')));
  }
  if ((HEX.test(k) || BASE64.test(k)) && !allDigits(k.replace(/=+$/, ''))) return false;
  return true;
}

/**
 * True for the common shape of a keyed hash, at least 32 hexadecimal digits not all decimal ones,
 * which the rules below accept too: checked by character codes first, several times faster than
 * the regular expressions on millions of exams (the kit reader, import and repeats all ask).
 */
function isHexKey(key: string): boolean {
  if (key.length < 32) return false;
  let letter = false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    const lower = c | 0x20;
    if (c < 0x41 || lower < 0x61 || lower > 0x66) return false;
    letter = true;
  }
  return letter;
}

/** The usable key of an exam: trimmed, `null` when blank or absent, `'refused'` when raw-looking. */
function keyOf(e: RelevanceExam): string | null | 'refused' {
  const k = e.patientKey?.trim() ?? '';
  if (k === '') return null;
  return looksLikeRawIdentifier(k) ? 'refused' : k;
}

/**
 * Repeats per site (FINESS), modality and family. Chains run across sites (a patient scanned at
 * two sites); a repeat counts at the site of the repeated (later) exam. Exams are ordered by room
 * entry (then id); ties are 0 h apart, hence repeats. Exams with no family or on an unknown machine
 * are left out; exams without a usable key count in `exams` only. Entries in FINESS, modality,
 * family order.
 */
export function computeRepeats(
  exams: readonly RelevanceExam[],
  machines: readonly RelevanceMachine[],
  families?: ActFamilyOverrides,
): RepeatResult {
  const byMachine = new Map(machines.map((m) => [m.equipmentId, m]));
  const entries = new Map<string, RepeatEntry>();
  // Keyed exams as columns: chain number (patient × modality × family), room entry, exam id, entry.
  const chainOf = new Map<string, number>();
  const chain: number[] = [];
  const at: number[] = [];
  const ids: string[] = [];
  const of: RepeatEntry[] = [];
  let refusedKeys = 0;
  let leftOut = 0;
  for (const e of exams) {
    const m = byMachine.get(e.equipmentId);
    const family: ActFamily | null = examFamily(e.acts, families);
    if (!m || family === null) {
      leftOut++;
      continue;
    }
    const modality: Modality = m.modality;
    const id = `${m.finess}\u0000${modality}\u0000${family}`;
    let entry = entries.get(id);
    if (!entry) {
      entry = {
        finess: m.finess,
        modality,
        family,
        exams: 0,
        keyed: 0,
        repeats: 0,
        repeatShare: null,
      };
      entries.set(id, entry);
    }
    entry.exams++;
    const key = keyOf(e);
    if (key === 'refused') refusedKeys++;
    if (key === null || key === 'refused') continue;
    entry.keyed++;
    const chainId = `${key}\u0000${modality}\u0000${family}`;
    let c = chainOf.get(chainId);
    if (c === undefined) {
      c = chainOf.size;
      chainOf.set(chainId, c);
    }
    chain.push(c);
    at.push(e.roomIn);
    ids.push(e.examId);
    of.push(entry);
  }
  // One sort by (chain, room entry, id) of the exams whose chain has two or more (most patients
  // have one exam); a repeat follows the previous exam of its chain within the window.
  const size = new Int32Array(chainOf.size);
  for (const c of chain) size[c] = (size[c] as number) + 1;
  const order = Uint32Array.from(chain.keys()).filter(
    (i) => (size[chain[i] as number] as number) > 1,
  );
  order.sort(
    (a, b) =>
      (chain[a] as number) - (chain[b] as number) ||
      (at[a] as number) - (at[b] as number) ||
      cmp(ids[a] as string, ids[b] as string),
  );
  for (let k = 1; k < order.length; k++) {
    const i = order[k] as number;
    const p = order[k - 1] as number;
    if (chain[i] === chain[p] && (at[i] as number) - (at[p] as number) <= REPEAT_WINDOW_MS)
      (of[i] as RepeatEntry).repeats++;
  }
  const out = [...entries.values()]
    .map((x) => ({ ...x, repeatShare: x.keyed === 0 ? null : x.repeats / x.keyed }))
    .sort(
      (a, b) => cmp(a.finess, b.finess) || cmp(a.modality, b.modality) || cmp(a.family, b.family),
    );
  return { entries: out, refusedKeys, leftOut };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
