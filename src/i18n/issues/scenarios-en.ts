/**
 * Issues of the scenario file reader, in English (same keys as scenarios-fr.ts). Kept in its own file so
 * that the planning features add their words without touching one another's.
 */
export const scenariosIssuesEn = {
  // The reader of scenario files (ingest/scenarios/scenario-file.ts, docs/scenarios.md).
  'scenario-file.size': {
    message: '{file} is {size} KiB: a scenario file is at most 1,024 KiB (1 MiB)',
    hint: 'a scenario file holds a few scenarios of a few changes each: check that this is the file meant',
  },
  'scenario-file.depth': {
    message: '{file} nests lists and objects more than 20 levels deep (line {line})',
    hint: 'a scenario file nests five levels at most (the file, its scenarios, a scenario, its changes, a list of weekdays): check the brackets',
  },
  'scenario-file.syntax': {
    message:
      '{file} is not valid JSON: it stops making sense at line {line}, character {character}',
    hint: 'check the commas between items (none after the last one), the double quotes around keys and text, and the closing brackets; JSON allows no comment',
  },
  'scenario-file.shape': {
    message:
      '{file} holds neither a scenario, a list of scenarios nor an object with a "scenarios" list',
    hint: 'write an object whose "scenarios" is a list of scenarios, each with a "name" and its "changes" (see docs/scenarios.md)',
  },
  'scenario-file.empty': {
    message: '{file} holds no scenario',
    hint: 'add at least one scenario with a "name" and its "changes"',
  },
  'scenario-duplicate.key': {
    message: 'the key {key} is given twice in the same object',
    hint: 'JSON keeps only the last one: keep the value meant and remove the other',
  },
  'scenario-duplicate.name': {
    message: 'this name is already the one of the scenario at {first}',
    hint: 'give each scenario its own name: results are shown by name',
  },
  'scenario-duplicate.weekday': {
    message: 'weekday {text} is listed twice',
    hint: 'list each weekday once',
  },
  'scenario-key.file': {
    message: 'unknown key {key} beside "scenarios"',
    hint: 'the file holds "scenarios" and, if wanted, a "description": check the spelling',
  },
  'scenario-key.scenario': {
    message: 'unknown key {key} in a scenario',
    hint: 'a scenario holds "name", "changes" and, if wanted, a "description": check the spelling',
  },
  'scenario-key.change': {
    message: 'unknown key {key} in a change of type {type}',
    hint: 'a change of type {type} takes the keys {keys}: check the spelling (letters are case-sensitive)',
  },
  'scenario-key.rates': {
    message: 'unknown category {key} in the no-show rates',
    hint: 'the categories are A (outpatient), H (inpatient), R (intensive care) and U (emergency department)',
  },
  'scenario-change-type': {
    message: 'unknown change type {text}',
    hint: 'the types are {types}',
  },
  'scenario-change-type.missing': {
    message: 'a change has no "type"',
    hint: 'give its type, one of {types}',
  },
  'scenario-required.scenario': {
    message: '{field} is missing',
    hint: 'a scenario holds a "name" (the text shown in tables) and its "changes" (a list)',
  },
  'scenario-required.change': {
    message: '{field} is missing',
    hint: 'a change of type {type} takes the keys {keys}',
  },
  'scenario-value.list': {
    message: '{field} must be a list in square brackets',
    hint: 'e.g. "weekdays": [1, 2, 3, 4, 5], or "changes": [ ] around the changes',
  },
  'scenario-value.text': {
    message: '{field} must be text in double quotes',
    hint: 'write the text between double quotes',
  },
  'scenario-value.scenario': {
    message: 'a scenario must be an object holding a "name" and its "changes"',
    hint: 'see the examples of docs/scenarios.md',
  },
  'scenario-value.change': {
    message: 'a change must be an object holding its "type" and fields',
    hint: 'see the examples of docs/scenarios.md',
  },
  'scenario-value.rates': {
    message: 'rates must be an object of probabilities by category',
    hint: 'e.g. "rates": an object with "A": 0.05 for 5 % of outpatients not coming',
  },
  'scenario-value.name': {
    message: 'the name of the scenario is not text of 1 to {max} characters',
    hint: 'give the words shown in tables and charts, e.g. "Open at 7:30 on weekdays"',
  },
  'scenario-value.minutes': {
    message: '{field} {text} is not a number of minutes from 0 to {max}',
    hint: 'write the minutes as a number, e.g. 30 to open half an hour earlier',
  },
  'scenario-value.extend-nothing': {
    message: 'the change opens no earlier and closes no later',
    hint: 'give openEarlierMinutes, closeLaterMinutes or both, in minutes above 0 (e.g. 30)',
  },
  'scenario-value.count': {
    message: 'count {text} is not a whole number from 1 to {max}',
    hint: 'the number of machines added, e.g. 1',
  },
  'scenario-value.share': {
    message: 'share {text} is not a number from 0 to {max}',
    hint: 'the part of each programmed session kept for unscheduled exams: 0.3 keeps 30 %',
  },
  'scenario-value.percent': {
    message: 'percent {text} is not a number above -100 and at most {max}',
    hint: 'demand growth in percent: 10 for 10 % more, -5 for 5 % less',
  },
  'scenario-value.rate': {
    message: 'rate {text} of category {category} is not a probability from 0 to 1',
    hint: 'e.g. 0.05 when 5 % of the booked patients do not come',
  },
  'scenario-value.machine': {
    message: '{field} must be a machine’s equipment id in double quotes',
    hint: 'write the id as in equipment.csv, e.g. "CT-1"',
  },
  'scenario-value.weekdays-empty': {
    message: 'the list of weekdays is empty',
    hint: 'list the weekdays the change applies to: 1 (Monday) to 7 (Sunday)',
  },
  'scenario-value.weekday': {
    message: '{text} is not a weekday',
    hint: 'write 1 (Monday) to 7 (Sunday), as numbers',
  },
  'scenario-value.time': {
    message: '{field} {text} is not a local time HH:MM',
    hint: 'write the wall-clock time of the campaign’s time zone from 00:00 to 23:59 (24:00 for an end at midnight), e.g. "07:30"',
  },
  'scenario-value.time-order': {
    message: 'end {end} is not after start {start}',
    hint: 'a session ends the same day after it starts (24:00 for midnight); a night session is two: one until 24:00, the other from 00:00 the next weekday',
  },
  'scenario-empty': {
    message: 'the scenario has no change: it repeats the status quo',
    hint: 'add its changes, or remove it',
  },
  'scenario-machine': {
    message: 'no machine {machine} among the simulated ones ({machines})',
    hint: 'name a machine by its equipment id as in equipment.csv, or one added earlier in the same scenario (its id followed by +1, +2…)',
  },
} as const satisfies Record<string, { message: string; hint: string | null }>;
