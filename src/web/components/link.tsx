/**
 * Links of the app: real `<a href>` (open in a new tab, copy, middle-click all work) whose plain
 * clicks are handled by the router; the language travels with them.
 */
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { useCallback } from 'react';
import { useLang } from '../lib/i18n.tsx';
import { withLang } from '../lib/paths.ts';
import { navigate } from '../lib/router.ts';

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  to: string;
  children: ReactNode;
};

/** An in-app link to `to` (a path with its query). */
export function Link({ to, children, onClick, ...rest }: LinkProps): ReactNode {
  const lang = useLang();
  const href = withLang(to, lang);
  const handle = (event: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={handle} {...rest}>
      {children}
    </a>
  );
}

/** A function that navigates within the app, keeping the language. */
export function useNavigate(): (
  to: string,
  options?: { replace?: boolean; keepScroll?: boolean },
) => void {
  const lang = useLang();
  return useCallback((to, options) => navigate(withLang(to, lang), options), [lang]);
}
