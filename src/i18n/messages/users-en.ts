/**
 * Messages of `plateau users` (the observatory's accounts, issue 15), English: en.ts spreads it.
 * French (users-fr.ts) is the reference; same keys. Never a password in a message.
 */
import type { usersMessagesFr } from './users-fr.ts';

export const usersMessagesEn = {
  'cli.users.added': 'User {email} added (role {role}).',
  'cli.users.disabled':
    'User {email} disabled: they can no longer log in and their sessions are revoked.',
  'cli.users.reset': 'Password of {email} changed: their open sessions are revoked.',
  'cli.users.none': "No user in {store}: 'plateau users add EMAIL --role admin' creates the first.",
  'cli.users.noPassword':
    'no password: set PLATEAU_USER_PASSWORD or give it on the first line of standard input (never as an option)',
  'cli.users.prompt': 'Password (at least 12 characters), then Enter: ',
  'cli.users.head.email': 'e-mail',
  'cli.users.head.role': 'role',
  'cli.users.head.scope': 'scope',
  'cli.users.head.name': 'name',
  'cli.users.head.created': 'created',
  'cli.users.head.state': 'state',
  'cli.users.state.active': 'active',
  'cli.users.state.disabled': 'disabled on {date}',
  'cli.users.scope.region': 'region {code}',
  'cli.users.scope.all': 'all of France',
} satisfies Record<keyof typeof usersMessagesFr, string>;
