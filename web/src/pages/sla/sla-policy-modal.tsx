import {
  Button,
  type ButtonProps,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  EscalationRole,
  SlaPoliciesInForce,
  SlaPolicy,
  SlaTargetKey,
  SlaUnit,
} from '../../api/sla';
import { localized } from '../../format';
import { levelText } from './sla-text';

const TARGETS: SlaTargetKey[] = ['firstReply', 'response', 'resolution'];
const UNITS: SlaUnit[] = ['minutes', 'hours', 'working_days'];
const ROLES: EscalationRole[] = ['agent', 'supervisor', 'manager'];
const ANY = '';

interface StepValues {
  target: SlaTargetKey;
  kind: 'fraction' | 'minutes';
  value: number;
  role: EscalationRole;
}
interface Values {
  key: string;
  nameZh: string;
  nameEn: string;
  tier: string;
  level: number;
  category: string;
  targets: Record<SlaTargetKey, { amount?: number | null; unit: SlaUnit }>;
  calendar: string;
  warnPct: number;
  escalation: StepValues[];
}

function toValues(p: SlaPolicy): Values {
  const targets = Object.fromEntries(
    TARGETS.map((k) => [
      k,
      { amount: p.targets[k]?.amount ?? null, unit: p.targets[k]?.unit ?? 'hours' },
    ]),
  ) as Values['targets'];
  return {
    key: p.key,
    nameZh: p.name.zh,
    nameEn: p.name.en,
    tier: p.match.tier ?? ANY,
    level: p.match.level ?? 0,
    category: p.match.category ?? '',
    targets,
    calendar: p.calendar,
    warnPct: Math.round(p.warnAt * 100),
    escalation: p.escalation.map((s) => ({
      target: s.target,
      kind: s.afterFraction !== undefined ? 'fraction' : 'minutes',
      value:
        s.afterFraction !== undefined ? Math.round(s.afterFraction * 100) : (s.afterMinutes ?? 0),
      role: s.role,
    })),
  };
}

function toPolicy(v: Values): SlaPolicy {
  const targets: SlaPolicy['targets'] = {};
  for (const k of TARGETS) {
    const tv = v.targets[k];
    if (tv?.amount) targets[k] = { amount: tv.amount, unit: tv.unit };
  }
  return {
    key: v.key.trim(),
    name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
    match: {
      tier: v.tier === ANY ? null : v.tier,
      level: v.level === 0 ? null : v.level,
      category: v.category.trim() === '' ? null : v.category.trim(),
    },
    targets,
    calendar: v.calendar,
    warnAt: v.warnPct / 100,
    escalation: (v.escalation ?? []).map((s) =>
      s.kind === 'fraction'
        ? { target: s.target, afterFraction: s.value / 100, role: s.role }
        : { target: s.target, afterMinutes: s.value, role: s.role },
    ),
  };
}

/** Adds or edits one policy; the whole set is validated by the server on save. */
export function SlaPolicyModal({
  policy,
  data,
  onOk,
  onCancel,
}: {
  /** The policy to edit, a blank one to add, or undefined when closed. */
  policy: SlaPolicy | undefined;
  data: SlaPoliciesInForce;
  onOk: (p: SlaPolicy) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('sla.form.required') };
  return (
    <Modal
      open={!!policy}
      width={760}
      title={policy?.key ? t('sla.form.editTitle', { key: policy.key }) : t('sla.form.addTitle')}
      okText={t('sla.form.ok')}
      cancelText={t('sla.form.cancel')}
      okButtonProps={{ 'data-testid': 'sla-modal-ok' } as ButtonProps}
      onCancel={onCancel}
      onOk={async () => onOk(toPolicy(await form.validateFields()))}
      destroyOnHidden
    >
      {/* The dialog's content is destroyed on close, so each opening starts from these values. */}
      <Form
        form={form}
        layout="vertical"
        data-testid="sla-policy-form"
        initialValues={policy ? toValues(policy) : undefined}
      >
        <Space wrap>
          <Form.Item name="key" label={t('sla.form.key')} rules={[required]}>
            <Input style={{ width: 180 }} data-testid="sla-form-key" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('sla.form.nameZh')} rules={[required]}>
            <Input style={{ width: 220 }} data-testid="sla-form-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('sla.form.nameEn')} rules={[required]}>
            <Input style={{ width: 220 }} data-testid="sla-form-name-en" />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('sla.form.match')}</Typography.Text>
        <Space wrap>
          <Form.Item name="tier" label={t('sla.col.tier')}>
            <Select
              style={{ width: 180 }}
              options={[
                { value: ANY, label: t('sla.any') },
                ...data.tiers.map((x) => ({
                  value: x.id,
                  label: `${x.id} · ${localized(x.name.zh, x.name.en, i18n.language)}`,
                })),
              ]}
            />
          </Form.Item>
          <Form.Item name="level" label={t('sla.col.level')}>
            <Select
              style={{ width: 180 }}
              options={[0, 1, 2, 3, 4].map((l) => ({
                value: l,
                label: l ? levelText(t, l) : t('sla.any'),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('sla.col.category')}
            extra={t('sla.form.categoryHelp')}
          >
            <Input style={{ width: 240 }} placeholder="complaint.service_attitude" />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('sla.form.targets')}</Typography.Text>
        {TARGETS.map((k) => (
          <Space key={k} align="baseline">
            <Typography.Text style={{ display: 'inline-block', width: 100 }}>
              {t(`sla.target.${k}`)}
            </Typography.Text>
            <Form.Item name={['targets', k, 'amount']}>
              <InputNumber
                min={1}
                max={100000}
                precision={0}
                data-testid={`sla-form-${k}-amount`}
                placeholder={t('sla.form.unset')}
              />
            </Form.Item>
            <Form.Item name={['targets', k, 'unit']}>
              <Select
                style={{ width: 140 }}
                data-testid={`sla-form-${k}-unit`}
                options={UNITS.map((u) => ({ value: u, label: t(`sla.unitName.${u}`) }))}
              />
            </Form.Item>
          </Space>
        ))}
        <Space wrap>
          <Form.Item name="calendar" label={t('sla.col.calendar')} rules={[required]}>
            <Select
              style={{ width: 240 }}
              options={data.calendars.map((c) => ({
                value: c.key,
                label: `${c.key} · ${localized(c.name.zh, c.name.en, i18n.language)}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="warnPct" label={t('sla.form.warnAt')} rules={[required]}>
            <InputNumber min={1} max={99} precision={0} suffix="%" />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('sla.col.escalation')}</Typography.Text>
        <Form.List name="escalation">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'target']}>
                    <Select
                      style={{ width: 120 }}
                      options={TARGETS.map((k) => ({ value: k, label: t(`sla.target.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']}>
                    <Select
                      style={{ width: 150 }}
                      options={[
                        { value: 'fraction', label: t('sla.form.afterFraction') },
                        { value: 'minutes', label: t('sla.form.afterMinutes') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} rules={[required]}>
                    <InputNumber min={0} max={100000} precision={0} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']}>
                    <Select
                      style={{ width: 120 }}
                      options={ROLES.map((r) => ({ value: r, label: t(`sla.role.${r}`) }))}
                    />
                  </Form.Item>
                  <Button size="small" onClick={() => remove(f.name)}>
                    {t('sla.remove')}
                  </Button>
                </Space>
              ))}
              <div>
                <Button
                  size="small"
                  onClick={() =>
                    add({ target: 'resolution', kind: 'fraction', value: 100, role: 'supervisor' })
                  }
                >
                  {t('sla.form.addStep')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** A blank policy to start an "add" from. */
export function blankPolicy(calendar: string): SlaPolicy {
  return {
    key: '',
    name: { zh: '', en: '' },
    match: { tier: null, level: null, category: null },
    targets: {},
    calendar,
    warnAt: 0.75,
    escalation: [],
  };
}
