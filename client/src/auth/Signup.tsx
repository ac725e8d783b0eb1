import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useAuth } from '../app/auth.tsx';
import { useAction } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { Button, SelectField, TextField } from '../app/ui.tsx';

const useT = defineStrings({
  vi: {
    title: 'Đăng ký',
    name: 'Họ và tên',
    email: 'Email',
    password: 'Mật khẩu',
    passwordHint: 'Ít nhất 10 ký tự.',
    role: 'Bạn là',
    founder: 'Nhà sáng lập dự án khởi nghiệp',
    mentor: 'Cố vấn',
    submit: 'Tạo tài khoản',
    haveAccount: 'Đã có tài khoản?',
    login: 'Đăng nhập',
  },
  en: {
    title: 'Sign up',
    name: 'Full name',
    email: 'Email',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    role: 'You are',
    founder: 'A startup founder',
    mentor: 'A mentor',
    submit: 'Create account',
    haveAccount: 'Already have an account?',
    login: 'Sign in',
  },
});

export function Signup() {
  const t = useT();
  const { lang } = useLang();
  const { register } = useAuth();
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'startup' as 'startup' | 'mentor' });
  const action = useAction(register);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run({ ...form, email: form.email.trim(), locale: lang });
  };
  return (
    <section className="auth-box card">
      <h1 tabIndex={-1}>{t.title}</h1>
      <form onSubmit={submit} noValidate>
        <TextField label={t.name} name="name" autoComplete="name" required value={form.name} onChange={set('name')} error={action.error} />
        <TextField label={t.email} name="email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={action.error} />
        <TextField label={t.password} name="password" type="password" autoComplete="new-password" required hint={t.passwordHint} value={form.password} onChange={set('password')} error={action.error} />
        <SelectField label={t.role} name="role" value={form.role} onChange={set('role')} error={action.error}>
          <option value="startup">{t.founder}</option>
          <option value="mentor">{t.mentor}</option>
        </SelectField>
        <ErrorAlert error={action.error} />
        <Button type="submit" className="primary" busy={action.busy}>
          {t.submit}
        </Button>
      </form>
      <p>
        {t.haveAccount} <Link href="/login">{t.login}</Link>
      </p>
    </section>
  );
}
