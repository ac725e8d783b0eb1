/** Small shared pieces every screen uses: headings, loading and empty states, fields, buttons. */
import { useId, type ButtonHTMLAttributes, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ErrorAlert, fieldErrors } from './errors.tsx';
import { defineStrings, useLang } from './i18n.tsx';

const useT = defineStrings({
  vi: { loading: 'Đang tải…', retry: 'Thử lại', empty: 'Chưa có gì ở đây.' },
  en: { loading: 'Loading…', retry: 'Try again', empty: 'Nothing here yet.' },
});

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="muted" role="status" aria-live="polite">
      {t.loading}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const t = useT();
  return <p className="empty">{children ?? t.empty}</p>;
}

/**
 * What a loaded piece of the page shows: the error with a retry, the loading
 * line, the empty state, or the content.
 */
export function Loaded<T>({
  state,
  empty,
  isEmpty,
  children,
}: {
  state: { data: T | undefined; error: unknown; loading: boolean; reload(): void };
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (state.error && state.data === undefined)
    return (
      <div>
        <ErrorAlert error={state.error} />
        <button type="button" onClick={state.reload}>
          {t.retry}
        </button>
      </div>
    );
  if (state.data === undefined) return <Loading />;
  // A reload that failed keeps what was shown, and says so.
  const stale = state.error ? <ErrorAlert error={state.error} /> : null;
  if (isEmpty?.(state.data))
    return (
      <>
        {stale}
        <Empty>{empty}</Empty>
      </>
    );
  return (
    <>
      {stale}
      {children(state.data)}
    </>
  );
}

type FieldProps = { label: string; error?: unknown; name: string; hint?: string };

function FieldShell({ id, label, hint, messages, children }: { id: string; label: string; hint?: string; messages: string[]; children: ReactNode }) {
  return (
    <div className={messages.length ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {messages.length > 0 && (
        <small id={`${id}-error`} className="field-error">
          {messages.join(' ')}
        </small>
      )}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, messages: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function TextField({ label, error, name, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const { lang } = useLang();
  const messages = fieldErrors(error, name, lang);
  return (
    <FieldShell id={id} label={label} hint={hint} messages={messages}>
      <input id={id} name={name} aria-invalid={messages.length > 0} aria-describedby={describedBy(id, hint, messages)} {...input} />
    </FieldShell>
  );
}

export function TextArea({ label, error, name, hint, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const { lang } = useLang();
  const messages = fieldErrors(error, name, lang);
  return (
    <FieldShell id={id} label={label} hint={hint} messages={messages}>
      <textarea id={id} name={name} aria-invalid={messages.length > 0} aria-describedby={describedBy(id, hint, messages)} {...input} />
    </FieldShell>
  );
}

export function SelectField({ label, error, name, hint, children, ...input }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const { lang } = useLang();
  const messages = fieldErrors(error, name, lang);
  return (
    <FieldShell id={id} label={label} hint={hint} messages={messages}>
      <select id={id} name={name} aria-invalid={messages.length > 0} aria-describedby={describedBy(id, hint, messages)} {...input}>
        {children}
      </select>
    </FieldShell>
  );
}

/** A button that shows it is working and cannot be pressed twice meanwhile. */
export function Button({ busy, children, className, ...button }: { busy?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" {...button} className={className} disabled={busy || button.disabled} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}

export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'danger' | 'info' | 'muted'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
