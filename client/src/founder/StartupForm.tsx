/**
 * Creating or editing the startup profile. A company also gives its
 * enterprise code and first registration date (the 5-year rule counts from
 * it); the API checks both and names the fields it rejects, shown beside them.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../app/api.ts';
import { useAction } from '../app/data.ts';
import { ErrorAlert, fieldErrors } from '../app/errors.tsx';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { Button, Loaded, SelectField, TextArea, TextField } from '../app/ui.tsx';
import { useLabel, useTaxonomies } from './founder-data.tsx';
import type { Labels, Startup, StartupKind } from './types.ts';

const useT = defineStrings({
  vi: {
    name: 'Tên dự án',
    description: 'Mô tả ngắn',
    kind: 'Loại hình',
    individual: 'Cá nhân',
    group: 'Nhóm',
    company: 'Doanh nghiệp',
    enterpriseCode: 'Mã số doanh nghiệp',
    enterpriseCodeHint: '10 chữ số, chi nhánh thêm -3 chữ số (vd. 1801234567-001).',
    firstRegisteredOn: 'Ngày đăng ký kinh doanh lần đầu',
    firstRegisteredOnHint: 'Thời hạn hỗ trợ 5 năm tính từ ngày này.',
    growthBasis: 'Tăng trưởng dựa trên',
    sectors: 'Lĩnh vực (tối đa 5)',
    stage: 'Giai đoạn',
    needs: 'Cần hỗ trợ về',
    languages: 'Ngôn ngữ làm việc',
    district: 'Quận/huyện',
    website: 'Trang web',
    websiteHint: 'Bắt đầu bằng https://',
    create: 'Tạo hồ sơ',
    save: 'Lưu thay đổi',
    cancel: 'Huỷ',
  },
  en: {
    name: 'Startup name',
    description: 'Short description',
    kind: 'Kind',
    individual: 'Individual',
    group: 'Group',
    company: 'Company',
    enterpriseCode: 'Enterprise code',
    enterpriseCodeHint: '10 digits; a branch adds -3 digits (e.g. 1801234567-001).',
    firstRegisteredOn: 'First business registration date',
    firstRegisteredOnHint: 'The 5-year support period counts from this day.',
    growthBasis: 'Growth based on',
    sectors: 'Sectors (up to 5)',
    stage: 'Stage',
    needs: 'Needs help with',
    languages: 'Working languages',
    district: 'District',
    website: 'Website',
    websiteHint: 'Starts with https://',
    create: 'Create profile',
    save: 'Save changes',
    cancel: 'Cancel',
  },
});

const LANGUAGES: Labels = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
  zh: { vi: 'Tiếng Trung', en: 'Chinese' },
  ko: { vi: 'Tiếng Hàn', en: 'Korean' },
  ja: { vi: 'Tiếng Nhật', en: 'Japanese' },
  fr: { vi: 'Tiếng Pháp', en: 'French' },
};

interface Form {
  name: string;
  description: string;
  kind: StartupKind;
  enterpriseCode: string;
  firstRegisteredOn: string;
  growthBasis: string[];
  sectors: string[];
  stage: string;
  needs: string[];
  languages: string[];
  district: string;
  website: string;
}

function formOf(startup: Startup | null): Form {
  return {
    name: startup?.name ?? '',
    description: startup?.description ?? '',
    kind: startup?.kind ?? 'individual',
    enterpriseCode: startup?.enterpriseCode ?? '',
    firstRegisteredOn: startup?.firstRegisteredOn ?? '',
    growthBasis: startup?.growthBasis ?? [],
    sectors: startup?.sectors ?? [],
    stage: startup?.stage ?? 'idea',
    needs: startup?.needs ?? [],
    languages: startup?.languages.length ? startup.languages : ['vi'],
    district: startup?.district ?? '',
    website: startup?.website ?? '',
  };
}

/** The request body: blanks become null (which removes an optional field on edit), and only a company keeps its registration. */
function bodyOf(form: Form, creating: boolean): Record<string, unknown> {
  const company = form.kind === 'company';
  const optional = (value: string) => value.trim() || null;
  const body: Record<string, unknown> = {
    name: form.name.trim(),
    description: optional(form.description),
    kind: form.kind,
    enterpriseCode: company ? optional(form.enterpriseCode) : null,
    firstRegisteredOn: company ? optional(form.firstRegisteredOn) : null,
    growthBasis: form.growthBasis,
    sectors: form.sectors,
    stage: form.stage,
    needs: form.needs,
    languages: form.languages,
    district: optional(form.district),
    website: optional(form.website),
  };
  // A new profile leaves out what is empty, so the API's "required" errors name the right fields.
  if (creating) for (const key of Object.keys(body)) if (body[key] === null) delete body[key];
  return body;
}

export function StartupForm({ startup, onSaved, onCancel }: { startup: Startup | null; onSaved(startup: Startup): void; onCancel?(): void }) {
  const t = useT();
  const taxonomies = useTaxonomies();
  const label = useLabel();
  const [form, setForm] = useState<Form>(() => formOf(startup));
  const creating = startup === null;
  const action = useAction((body: Record<string, unknown>) =>
    creating ? api.post<Startup>('/api/v1/startups', body) : api.patch<Startup>(`/api/v1/startups/${startup.id}`, body),
  );
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));
  const text = (key: 'name' | 'description' | 'enterpriseCode' | 'firstRegisteredOn' | 'district' | 'website') => ({
    name: key,
    value: form[key],
    error: action.error,
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await action.run(bodyOf(form, creating));
    if (saved) onSaved(saved);
  };

  return (
    <Loaded state={taxonomies}>
      {(tax) => (
        <form className="card founder-form" onSubmit={submit} noValidate>
          <TextField label={t.name} required autoComplete="organization" {...text('name')} />
          <TextArea label={t.description} {...text('description')} />
          <SelectField label={t.kind} name="kind" value={form.kind} error={action.error} onChange={(e) => set('kind', e.target.value as StartupKind)}>
            <option value="individual">{t.individual}</option>
            <option value="group">{t.group}</option>
            <option value="company">{t.company}</option>
          </SelectField>
          {form.kind === 'company' && (
            <div className="grid">
              <TextField label={t.enterpriseCode} hint={t.enterpriseCodeHint} inputMode="numeric" required {...text('enterpriseCode')} />
              <TextField label={t.firstRegisteredOn} hint={t.firstRegisteredOnHint} type="date" required {...text('firstRegisteredOn')} />
            </div>
          )}
          <Checkboxes legend={t.growthBasis} name="growthBasis" labels={tax.growthBases} value={form.growthBasis} onChange={(v) => set('growthBasis', v)} error={action.error} />
          <Checkboxes legend={t.sectors} name="sectors" labels={tax.sectors} value={form.sectors} onChange={(v) => set('sectors', v)} error={action.error} />
          <SelectField label={t.stage} name="stage" value={form.stage} error={action.error} onChange={(e) => set('stage', e.target.value)}>
            {Object.keys(tax.stages).map((code) => (
              <option key={code} value={code}>
                {label(tax.stages, code)}
              </option>
            ))}
          </SelectField>
          <Checkboxes legend={t.needs} name="needs" labels={tax.topics} value={form.needs} onChange={(v) => set('needs', v)} error={action.error} />
          <Checkboxes legend={t.languages} name="languages" labels={LANGUAGES} value={form.languages} onChange={(v) => set('languages', v)} error={action.error} />
          <div className="grid">
            <TextField label={t.district} autoComplete="address-level2" {...text('district')} />
            <TextField label={t.website} hint={t.websiteHint} type="url" autoComplete="url" {...text('website')} />
          </div>
          <ErrorAlert error={action.error} />
          <div className="row">
            <Button type="submit" className="primary" busy={action.busy}>
              {creating ? t.create : t.save}
            </Button>
            {onCancel && <Button onClick={onCancel}>{t.cancel}</Button>}
          </div>
        </form>
      )}
    </Loaded>
  );
}

/** A set of checkboxes for a multi-valued field, with its field errors under the legend. */
export function Checkboxes({
  legend,
  name,
  labels,
  value,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  labels: Labels;
  value: string[];
  onChange(value: string[]): void;
  error?: unknown;
}) {
  const id = useId();
  const { lang } = useLang();
  const label = useLabel();
  const messages = fieldErrors(error, name, lang);
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className={messages.length ? 'choices invalid' : 'choices'} aria-describedby={messages.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="choice-list">
        {Object.keys(labels).map((code) => (
          <label key={code} className="choice">
            <input type="checkbox" name={name} value={code} checked={value.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
            {label(labels, code)}
          </label>
        ))}
      </div>
      {messages.length > 0 && (
        <small id={`${id}-error`} className="field-error">
          {messages.join(' ')}
        </small>
      )}
    </fieldset>
  );
}
