import { Button, Flex, Input, InputNumber, Select, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Entitlement, EntitlementPeriod } from '../../api/policies';
import type { IssueMap } from './field';

const PERIODS: EntitlementPeriod[] = ['month', 'quarter', 'year', 'lifetime'];

/** Choices as the editor shows them: `key=中文/English, …`. */
function choicesText(e: Entitlement): string {
  return e.choices.map((c) => `${c.key}=${c.name.zh}/${c.name.en}`).join(', ');
}

/** Parses the choices text back; a part without a name uses its key for both languages. */
function parseChoices(text: string): Entitlement['choices'] {
  return text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [key = '', names = ''] = part.split('=');
      const [zh, en] = names.split('/');
      return {
        key: key.trim(),
        name: { zh: zh?.trim() || key.trim(), en: en?.trim() || key.trim() },
      };
    });
}

/** The named entitlements of one tier: key, names, quantity a period, batch, choices. */
export function EntitlementsEditor({
  value,
  onChange,
  readOnly,
  issues,
  prefix,
}: {
  value: Entitlement[];
  onChange: (next: Entitlement[]) => void;
  readOnly: boolean;
  issues: IssueMap;
  /** Dotted path of the list in the catalog, for the server's field messages. */
  prefix: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Entitlement>) =>
    onChange(value.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const err = (i: number, f: string) => issues.get(`${prefix}.${i}.${f}`);
  const status = (i: number, f: string) => (err(i, f) ? ('error' as const) : undefined);
  return (
    <Flex vertical gap={8}>
      <Table<Entitlement & { i: number }>
        size="small"
        pagination={false}
        rowKey="i"
        dataSource={value.map((e, i) => ({ ...e, i }))}
        locale={{ emptyText: t('policy.entitlement.none') }}
        scroll={{ x: true }}
        columns={[
          {
            title: t('policy.entitlement.key'),
            render: (_, e) => (
              <Input
                value={e.key}
                disabled={readOnly}
                status={status(e.i, 'key')}
                title={err(e.i, 'key')}
                aria-label={t('policy.entitlement.key')}
                onChange={(ev) => set(e.i, { key: ev.target.value })}
              />
            ),
          },
          {
            title: t('policy.entitlement.nameZh'),
            render: (_, e) => (
              <Input
                value={e.name.zh}
                disabled={readOnly}
                status={status(e.i, 'name')}
                onChange={(ev) => set(e.i, { name: { ...e.name, zh: ev.target.value } })}
              />
            ),
          },
          {
            title: t('policy.entitlement.nameEn'),
            render: (_, e) => (
              <Input
                value={e.name.en}
                disabled={readOnly}
                onChange={(ev) => set(e.i, { name: { ...e.name, en: ev.target.value } })}
              />
            ),
          },
          {
            title: t('policy.entitlement.quantity'),
            render: (_, e) => (
              <Flex gap={4} align="center">
                <InputNumber
                  min={1}
                  style={{ width: 80 }}
                  value={e.quantity}
                  disabled={readOnly || e.quantity === null}
                  status={status(e.i, 'quantity')}
                  onChange={(v) => set(e.i, { quantity: v ?? 1 })}
                />
                <Switch
                  size="small"
                  checked={e.quantity === null}
                  disabled={readOnly}
                  onChange={(on) => set(e.i, { quantity: on ? null : 1 })}
                />
                <Typography.Text type="secondary">
                  {t('policy.entitlement.unlimited')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('policy.entitlement.period'),
            render: (_, e) => (
              <Select
                style={{ width: 110 }}
                value={e.period}
                disabled={readOnly}
                onChange={(v) => set(e.i, { period: v })}
                options={PERIODS.map((p) => ({ value: p, label: t(`policy.period.${p}`) }))}
              />
            ),
          },
          {
            title: t('policy.entitlement.minBatch'),
            render: (_, e) => (
              <InputNumber
                min={1}
                style={{ width: 80 }}
                value={e.minBatch}
                disabled={readOnly}
                onChange={(v) => set(e.i, { minBatch: v ?? null })}
              />
            ),
          },
          {
            title: t('policy.entitlement.choices'),
            render: (_, e) => (
              <Input
                key={`${e.i}:${choicesText(e)}`}
                defaultValue={choicesText(e)}
                disabled={readOnly}
                status={status(e.i, 'choices')}
                onBlur={(ev) => set(e.i, { choices: parseChoices(ev.target.value) })}
              />
            ),
          },
          {
            title: t('policy.entitlement.noRepeat'),
            render: (_, e) => (
              <Switch
                size="small"
                checked={e.noRepeat}
                disabled={readOnly}
                onChange={(on) => set(e.i, { noRepeat: on })}
              />
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  render: (_: unknown, e: { i: number }) => (
                    <Button
                      size="small"
                      danger
                      onClick={() => onChange(value.filter((_x, j) => j !== e.i))}
                    >
                      {t('policy.entitlement.remove')}
                    </Button>
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && (
        <Button
          size="small"
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            onChange([
              ...value,
              {
                key: `entitlement_${value.length + 1}`,
                name: {
                  zh: `entitlement_${value.length + 1}`,
                  en: `entitlement_${value.length + 1}`,
                },
                quantity: 1,
                period: 'year',
                minBatch: null,
                choices: [],
                noRepeat: false,
              },
            ])
          }
        >
          {t('policy.entitlement.add')}
        </Button>
      )}
    </Flex>
  );
}
