/**
 * Every schema migration, in order. Each is a TS module exporting its SQL (tsc does not copy
 * .sql files into dist/). Never edit a released migration: add the next number.
 */
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-machine-samples.ts';
import * as m0003 from './0003-issue-text.ts';
import * as m0004 from './0004-territories.ts';
import * as m0005 from './0005-simulation.ts';
import * as m0006 from './0006-planning-inputs.ts';
import * as m0007 from './0007-accounts.ts';
import * as m0008 from './0008-row-security.ts';
import * as m0009 from './0009-trends-bundles.ts';
import * as m0010 from './0010-machine-exams.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
];
