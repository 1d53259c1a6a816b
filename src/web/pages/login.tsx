/**
 * The login page (accounts mode, issue 15): e-mail and password sent to `POST /api/session`.
 * One message for a wrong e-mail or password whatever the cause (the server says no more), and
 * the wait the server asks for after too many attempts. Shown over whatever address was asked
 * for, which shows once logged in.
 */
import type { FormEvent, ReactNode } from 'react';
import { useId, useRef, useState } from 'react';
import type { Lang } from '../../i18n/lang.ts';
import { t as translate } from '../../i18n/translate.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import type { LoginRefusal } from '../lib/session.ts';
import { logIn, waitText } from '../lib/session.ts';

/** What the page says about a refused login. */
function refusalText(refusal: LoginRefusal, lang: Lang): string {
  switch (refusal.kind) {
    case 'bad-credentials':
      return translate(lang, 'auth.web.login.badCredentials');
    case 'too-many':
      return refusal.retryAfter === null
        ? translate(lang, 'auth.web.login.tooManyLater')
        : translate(lang, 'auth.web.login.tooMany', { wait: waitText(refusal.retryAfter, lang) });
    case 'failure':
      return refusal.error.code === 'network'
        ? translate(lang, 'error.network')
        : `${translate(lang, 'error.http', { status: refusal.error.status })} ${refusal.error.message}`;
  }
}

/** The login form. */
export function LoginPage({ expired }: { expired: boolean }): ReactNode {
  const t = useT();
  const lang = useLang();
  useTitle(t('auth.web.login.title'));
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<LoginRefusal | 'missing' | null>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (email === '' || password === '') {
      setRefusal('missing');
      return;
    }
    setSending(true);
    setRefusal(null);
    logIn(email, password).then(
      (result) => {
        // On success the session state changes and this page goes away.
        if (result === null) return;
        setSending(false);
        setRefusal(result);
        if (passwordInput.current) {
          passwordInput.current.value = '';
          passwordInput.current.focus();
        }
      },
      () => setSending(false),
    );
  };

  const message =
    refusal === null
      ? null
      : refusal === 'missing'
        ? t('auth.web.login.missing')
        : refusalText(refusal, lang);
  return (
    <div className="page login-page" data-testid="login-page">
      <h1>{t('auth.web.login.title')}</h1>
      {expired && (
        <p className="notice" role="status" data-testid="login-expired">
          {t('auth.web.login.expired')}
        </p>
      )}
      <p className="lede">{t('auth.web.login.intro')}</p>
      <div className="card">
        <form
          className="login-form"
          onSubmit={submit}
          noValidate
          aria-describedby={message ? errorId : undefined}
          data-testid="login-form"
        >
          <div className="form-field">
            <label htmlFor={emailId}>{t('auth.web.login.email')}</label>
            <input
              id={emailId}
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              autoFocus
              data-testid="login-email"
            />
          </div>
          <div className="form-field">
            <label htmlFor={passwordId}>{t('auth.web.login.password')}</label>
            <input
              id={passwordId}
              ref={passwordInput}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              data-testid="login-password"
            />
          </div>
          {message && (
            <p id={errorId} className="form-error" role="alert" data-testid="login-error">
              {message}
            </p>
          )}
          <button
            type="submit"
            className="button button-primary"
            disabled={sending}
            data-testid="login-submit"
          >
            {sending ? t('auth.web.login.sending') : t('auth.web.login.submit')}
          </button>
        </form>
      </div>
      <p className="muted small">{t('auth.web.login.help')}</p>
    </div>
  );
}
