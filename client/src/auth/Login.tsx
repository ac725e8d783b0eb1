import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useAuth } from '../app/auth.tsx';
import { useAction } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { defineStrings } from '../app/i18n.tsx';
import { Button, TextField } from '../app/ui.tsx';

const useT = defineStrings({
  vi: {
    title: 'Đăng nhập',
    email: 'Email',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    noAccount: 'Chưa có tài khoản?',
    signup: 'Đăng ký',
    intro: 'Runway kết nối cố vấn với dự án khởi nghiệp và giúp vườn ươm Cần Thơ theo dõi quá trình ươm tạo.',
  },
  en: {
    title: 'Sign in',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    noAccount: 'No account yet?',
    signup: 'Sign up',
    intro: 'Runway connects mentors with startups and helps Can Tho’s incubators follow their cohorts.',
  },
});

export function Login() {
  const t = useT();
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(login);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(email.trim(), password);
  };
  return (
    <section className="auth-box card">
      <h1 tabIndex={-1}>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <form onSubmit={submit} noValidate>
        <TextField label={t.email} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={action.error} />
        <TextField label={t.password} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={action.error} />
        <ErrorAlert error={action.error} />
        <Button type="submit" className="primary" busy={action.busy}>
          {t.submit}
        </Button>
      </form>
      <p>
        {t.noAccount} <Link href="/signup">{t.signup}</Link>
      </p>
    </section>
  );
}
