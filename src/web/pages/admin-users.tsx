/**
 * `/admin/users` (accounts mode, administrators only): the accounts with their role, scope,
 * creation and state; a form to add one (FINESS for a site user, a region for a region user);
 * disabling (two steps) and a new password, each over `/api/admin/users…` with the CSRF token.
 * Passwords are only ever typed, sent and forgotten: never shown, never kept in the page's state
 * after the request.
 */
import type { FormEvent, ReactNode } from 'react';
import { useId, useState } from 'react';
import type { AccessRole } from '../../core/access.ts';
import type { AdminUserList } from '../../core/views/account-types.ts';
import { ACCESS_ROLES } from '../../core/access.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { ApiFailure, sendJson } from '../lib/api.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { api } from '../lib/paths.ts';
import { useSessionUser } from '../lib/use-session.ts';
import { useApi } from '../lib/use-api.ts';
import { AdminFrame } from '../components/auth/admin-tabs.tsx';
import { roleLabel, scopeText } from '../components/auth/account-bar.tsx';
import { Card } from '../components/card.tsx';
import { ErrorState, Skeleton } from '../components/states.tsx';

/** The FINESS typed in a field: 9 characters each, split on spaces, commas or semicolons. */
export function finessList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

type Notice = { kind: 'done'; text: string } | { kind: 'error'; error: ApiFailure } | null;

function failureText(error: ApiFailure, t: ReturnType<typeof useT>): string {
  if (error.code === 'network') return t('error.network');
  const known = `error.server.${error.code}`;
  // The server's own sentence says which field it refuses (in English).
  if (error.status !== 400 && isMessageKey(known)) return t(known);
  return t('auth.web.users.failed', { message: error.message });
}

function AddUserForm({
  onAdded,
}: {
  onAdded: (email: string, role: AccessRole) => void;
}): ReactNode {
  const t = useT();
  const ids = {
    email: useId(),
    name: useId(),
    role: useId(),
    finess: useId(),
    region: useId(),
    password: useId(),
  };
  const [role, setRole] = useState<AccessRole>('site');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email') ?? '').trim();
    const displayName = String(form.get('displayName') ?? '').trim();
    const body: Record<string, unknown> = {
      email,
      role,
      password: String(form.get('password') ?? ''),
    };
    if (displayName) body['displayName'] = displayName;
    if (role === 'site') body['finess'] = finessList(String(form.get('finess') ?? ''));
    if (role === 'region') body['region'] = String(form.get('region') ?? '').trim();
    setSending(true);
    setError(null);
    sendJson('POST', api.adminUsers(), body).then(
      () => {
        setSending(false);
        formElement.reset();
        setRole('site');
        onAdded(email, role);
      },
      (failure: unknown) => {
        setSending(false);
        setError(
          failure instanceof ApiFailure ? failure : new ApiFailure(0, 'unknown', String(failure)),
        );
      },
    );
  };

  return (
    <form className="admin-form" onSubmit={submit} data-testid="user-add">
      <AddField
        id={ids.email}
        name="email"
        label={t('auth.web.users.add.email')}
        type="email"
        required
        testId="email"
      />
      <AddField
        id={ids.name}
        name="displayName"
        label={t('auth.web.users.add.name')}
        testId="name"
      />
      <div className="form-field">
        <label htmlFor={ids.role}>{t('auth.web.users.add.role')}</label>
        <select
          id={ids.role}
          name="role"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as AccessRole)}
          data-testid="user-add-role"
        >
          {ACCESS_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`auth.web.users.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {role === 'site' && (
        <AddField
          id={ids.finess}
          name="finess"
          label={t('auth.web.users.add.finess')}
          required
          testId="finess"
        />
      )}
      {role === 'region' && (
        <AddField
          id={ids.region}
          name="region"
          label={t('auth.web.users.add.region')}
          required
          testId="region"
        />
      )}
      <AddField
        id={ids.password}
        name="password"
        label={t('auth.web.users.add.password')}
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        testId="password"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={sending}
          data-testid="user-add-submit"
        >
          {t('auth.web.users.add.submit')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="user-add-error">
          {failureText(error, t)}
        </p>
      )}
    </form>
  );
}

function ResetForm({
  email,
  onDone,
  onCancel,
}: {
  email: string;
  onDone: () => void;
  onCancel: () => void;
}): ReactNode {
  const t = useT();
  const id = useId();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    setSending(true);
    setError(null);
    sendJson('POST', api.adminReset(email), { password }).then(
      () => onDone(),
      (failure: unknown) => {
        setSending(false);
        setError(
          failure instanceof ApiFailure ? failure : new ApiFailure(0, 'unknown', String(failure)),
        );
      },
    );
  };
  return (
    <Card title={t('auth.web.users.resetTitle', { email })} level={2}>
      <form className="admin-form" onSubmit={submit} data-testid="user-reset">
        <div className="form-field">
          <label htmlFor={id}>{t('auth.web.users.add.password')}</label>
          <input
            id={id}
            name="password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            autoFocus
            data-testid="user-reset-password"
          />
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={sending}
            data-testid="user-reset-submit"
          >
            {t('auth.web.users.resetSubmit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('auth.web.users.cancel')}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {failureText(error, t)}
          </p>
        )}
      </form>
    </Card>
  );
}

/** The accounts screen. */
export function AdminUsersPage(): ReactNode {
  const t = useT();
  const lang = useLang();
  useTitle(`${t('auth.web.users.title')} · ${t('auth.web.admin.title')}`);
  const { state, retry } = useApi<AdminUserList>(api.adminUsers());
  const me = useSessionUser();
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);

  const disable = (email: string): void => {
    setConfirming(null);
    sendJson('POST', api.adminDisable(email)).then(
      () => {
        setNotice({ kind: 'done', text: t('auth.web.users.disabledDone', { email }) });
        retry();
      },
      (failure: unknown) =>
        setNotice({
          kind: 'error',
          error:
            failure instanceof ApiFailure ? failure : new ApiFailure(0, 'unknown', String(failure)),
        }),
    );
  };

  if (state.status === 'error' && state.error.status !== 401)
    return (
      <AdminFrame current="users">
        <ErrorState error={state.error} onRetry={retry} />
      </AdminFrame>
    );
  const users = state.status === 'ok' ? state.data.users : null;
  return (
    <AdminFrame current="users">
      {notice?.kind === 'done' && (
        <p className="form-done" role="status" data-testid="user-notice">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'error' && (
        <p className="form-error" role="alert" data-testid="user-notice">
          {failureText(notice.error, t)}
        </p>
      )}
      {resetting && (
        <ResetForm
          key={resetting}
          email={resetting}
          onCancel={() => setResetting(null)}
          onDone={() => {
            setNotice({ kind: 'done', text: t('auth.web.users.resetDone', { email: resetting }) });
            setResetting(null);
            retry();
          }}
        />
      )}
      <Card title={t('auth.web.users.title')} note={t('auth.web.users.note')} level={2}>
        {users === null ? (
          <Skeleton lines={4} />
        ) : users.length === 0 ? (
          <p className="muted">{t('auth.web.users.empty')}</p>
        ) : (
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('auth.web.users.title')}
          >
            <table className="admin-table" data-testid="table-users">
              <caption className="visually-hidden">{t('auth.web.users.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('auth.web.users.col.email')}</th>
                  <th scope="col">{t('auth.web.users.col.name')}</th>
                  <th scope="col">{t('auth.web.users.col.role')}</th>
                  <th scope="col">{t('auth.web.users.col.scope')}</th>
                  <th scope="col">{t('auth.web.users.col.created')}</th>
                  <th scope="col">{t('auth.web.users.col.state')}</th>
                  <th scope="col">{t('auth.web.users.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr
                    key={u.email}
                    className={u.disabledAt ? 'user-disabled' : undefined}
                    data-email={u.email}
                  >
                    <td>{u.email}</td>
                    <td>{u.displayName ?? ''}</td>
                    <td>{roleLabel(u.role, t)}</td>
                    <td>{scopeText(u, t)}</td>
                    <td>{formatDateTime(u.createdAt, lang)}</td>
                    <td>
                      {u.disabledAt
                        ? t('auth.web.users.state.disabled', {
                            date: formatDateTime(u.disabledAt, lang),
                          })
                        : t('auth.web.users.state.active')}
                    </td>
                    <td>
                      <div className="actions">
                        {!u.disabledAt &&
                          u.email !== me?.email &&
                          (confirming === u.email ? (
                            <>
                              <button
                                type="button"
                                className="button button-small button-danger"
                                aria-label={t('auth.web.users.disableConfirmAria', {
                                  email: u.email,
                                })}
                                onClick={() => disable(u.email)}
                                data-testid="user-disable-confirm"
                              >
                                {t('auth.web.users.disableConfirm')}
                              </button>
                              <button
                                type="button"
                                className="button button-small"
                                onClick={() => setConfirming(null)}
                              >
                                {t('auth.web.users.cancel')}
                              </button>
                            </>
                          ) : (
                            <button
                              type="button"
                              className="button button-small"
                              aria-label={t('auth.web.users.disableAria', { email: u.email })}
                              onClick={() => {
                                setNotice(null);
                                setConfirming(u.email);
                              }}
                              data-testid="user-disable"
                            >
                              {t('auth.web.users.disable')}
                            </button>
                          ))}
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('auth.web.users.resetAria', { email: u.email })}
                          onClick={() => {
                            setNotice(null);
                            setResetting(u.email);
                          }}
                          data-testid="user-reset-open"
                        >
                          {t('auth.web.users.reset')}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t('auth.web.users.add.title')} level={2}>
        <AddUserForm
          onAdded={(email, role) => {
            setNotice({
              kind: 'done',
              text: t('auth.web.users.add.done', { email, role: roleLabel(role, t) }),
            });
            retry();
          }}
        />
      </Card>
    </AdminFrame>
  );
}

/** One labelled input of the add-user form. */
function AddField(props: {
  id: string;
  name: string;
  label: string;
  testId: string;
  type?: 'text' | 'email' | 'password';
  required?: boolean;
  minLength?: number;
  autoComplete?: string;
}): ReactNode {
  return (
    <div className="form-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        required={props.required ?? false}
        {...(props.minLength !== undefined ? { minLength: props.minLength } : {})}
        autoComplete={props.autoComplete ?? 'off'}
        data-testid={`user-add-${props.testId}`}
      />
    </div>
  );
}
