// One source for the closed sets: each TypeScript constant (patient types, categories,
// modalities, session types, legal statuses, roles, upload states and stages, …) appears in the
// OpenAPI document as an enum of exactly its values. The document imports them; a hand-copied
// list would stop matching as soon as the constant gained a value, and this test would fail.
import { describe, expect, it } from 'vitest';
import { ACCESS_ROLES } from '../../src/core/access.ts';
import { PATIENT_TYPES } from '../../src/core/indicators/types.ts';
import { SEVERITIES } from '../../src/core/issues.ts';
import {
  CATEGORIES,
  LEGAL_STATUSES,
  MODALITIES,
  REGISTER_SECTORS,
  SESSION_TYPES,
  SURVEY_PATIENTS,
} from '../../src/core/kit-types.ts';
import { PEER_SCOPES, TYPOLOGIES } from '../../src/core/views/filters.ts';
import { UPLOAD_STAGES, UPLOAD_STATES, UPLOAD_TABLES } from '../../src/core/views/upload-stages.ts';
import { FIGURE_KEYS } from '../../src/plan/simulation/types.ts';
import {
  PROVENANCES,
  REFERENCE_MEASURES,
  TERRITORY_LEVELS,
} from '../../src/plan/territories/types.ts';
import { OPENAPI } from '../../src/server/openapi.ts';

const CONSTANTS: Record<string, readonly string[]> = {
  ACCESS_ROLES,
  PATIENT_TYPES,
  SEVERITIES,
  CATEGORIES,
  LEGAL_STATUSES,
  MODALITIES,
  REGISTER_SECTORS,
  SESSION_TYPES,
  SURVEY_PATIENTS,
  PEER_SCOPES,
  TYPOLOGIES,
  UPLOAD_STAGES,
  UPLOAD_STATES,
  UPLOAD_TABLES,
  FIGURE_KEYS,
  PROVENANCES,
  REFERENCE_MEASURES,
  TERRITORY_LEVELS,
};

/** Every enum (and every partial record's keys) of the document, by where it is. */
function enums(node: unknown, at: string, out: Map<string, string[]>): Map<string, string[]> {
  if (Array.isArray(node)) node.forEach((item, i) => enums(item, `${at}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['enum']))
      out.set(
        at,
        (o['enum'] as unknown[]).filter((v): v is string => typeof v === 'string'),
      );
    if (
      o['additionalProperties'] === false &&
      o['properties'] &&
      typeof o['properties'] === 'object'
    ) {
      out.set(`${at}{keys}`, Object.keys(o['properties']));
    }
    for (const [k, v] of Object.entries(o)) enums(v, `${at}/${k}`, out);
  }
  return out;
}

const found = enums(OPENAPI, '#', new Map());

describe('the OpenAPI document and the TypeScript constants', () => {
  it.each(Object.entries(CONSTANTS))('has %s as an enum of exactly its values', (name, values) => {
    const same = [...found].filter(
      ([, e]) => e.length === values.length && values.every((v) => e.includes(v)),
    );
    expect(same.length, `${name} appears nowhere in the document`).toBeGreaterThan(0);
  });
  it('would notice a constant gaining a value', () => {
    const grown = [...MODALITIES, 'PET'];
    const matching = [...found].filter(
      ([, e]) => e.length === grown.length && grown.every((v) => e.includes(v)),
    );
    expect(matching).toEqual([]);
  });
});
