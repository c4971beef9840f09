import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Table,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CreateCycleInput, CycleKind, StepInput } from '../../api/reviews';
import { createCycle } from '../../api/reviews';
import type { SchemeSummary } from '../../api/tiering';
import { CUSTOMER_TYPES } from '../../api/types';
import { applyFieldIssues, formBanner } from '../../errors';
import { todayIso } from '../../format';
import { schemeName } from '../tiering/labels';
import { DEFAULT_STEPS, STEP_ROLES } from './default-steps';
import { roleLabel, stepName } from './labels';

interface Values {
  name: string;
  kind: CycleKind;
  schemeId: number;
  asOf: string;
  scope?: { region?: string; type?: string; industry?: string };
  deadline: string;
  effectiveFrom?: string;
  steps?: Partial<StepInput>[];
}

// Step problems are not on a visible field (the step table edits only role and days), so they
// stay out of this list and the banner shows the server's full message for them.
const FIELDS = ['name', 'kind', 'schemeId', 'asOf', 'scope', 'deadline', 'effectiveFrom'];

/** A date `days` after a YYYY-MM-DD date. */
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Drops empty scope fields: an empty text means "all", which the server reads as absent. */
function toInput(v: Values): CreateCycleInput {
  const scope = Object.fromEntries(
    Object.entries(v.scope ?? {}).filter(([, x]) => typeof x === 'string' && x.trim() !== ''),
  );
  return {
    name: v.name,
    kind: v.kind,
    schemeId: v.schemeId,
    asOf: v.asOf,
    deadline: v.deadline,
    ...(Object.keys(scope).length ? { scope } : {}),
    ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom } : {}),
    // The form holds only the edited parts of each step (role, days); kind and name come from
    // the default list the rows were made from.
    steps: DEFAULT_STEPS.map((s, i) => ({ ...s, ...v.steps?.[i] })),
  };
}

/** The "start a cycle" button and its dialog; the new cycle opens on success. */
export function StartCycleButton({ schemes }: { schemes: SchemeSummary[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [banner, setBanner] = useState<string>();
  const today = todayIso();

  const create = useMutation({
    mutationFn: (v: Values) => createCycle(toInput(v)),
    onSuccess: (c) => {
      message.success(t('reviews.start.started'));
      void client.invalidateQueries({ queryKey: ['reviews'] });
      setOpen(false);
      navigate(`/reviews/${c.id}`);
    },
    onError: (e) => {
      applyFieldIssues(form, e, FIELDS);
      setBanner(formBanner(t, e, FIELDS));
    },
  });

  const initial: Partial<Values> = {
    name: t('reviews.start.defaultName', { year: today.slice(0, 4) }),
    kind: 'annual',
    asOf: today,
    deadline: plusDays(today, 30),
    steps: DEFAULT_STEPS.map((s) => ({ ...s })),
    ...(schemes.length === 1 && schemes[0] ? { schemeId: schemes[0].id } : {}),
  };

  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          form.resetFields();
          setBanner(undefined);
          setOpen(true);
        }}
      >
        {t('reviews.start.button')}
      </Button>
      <Modal
        open={open}
        width={760}
        title={t('reviews.start.title')}
        okText={t('reviews.start.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => create.mutate(v)}
        >
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="name" label={t('reviews.fields.name')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="kind" label={t('reviews.fields.kind')}>
                <Radio.Group
                  options={(['annual', 'interim'] as const).map((k) => ({
                    value: k,
                    label: t(`reviews.kinds.${k}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="schemeId"
            label={t('reviews.fields.scheme')}
            rules={[{ required: true, message: t('reviews.start.schemeRequired') }]}
          >
            <Select
              aria-label={t('reviews.fields.scheme')}
              options={schemes.map((s) => ({ value: s.id, label: schemeName(s, i18n.language) }))}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="asOf" label={t('reviews.fields.asOf')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="deadline"
                label={t('reviews.fields.deadline')}
                rules={[{ required: true }]}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="effectiveFrom"
                label={t('reviews.fields.effectiveFrom')}
                tooltip={t('reviews.start.effectiveFromHint')}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name={['scope', 'region']} label={t('reviews.scope.region')}>
                <Input placeholder={t('reviews.scope.all')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['scope', 'type']} label={t('reviews.scope.type')}>
                <Select
                  allowClear
                  placeholder={t('reviews.scope.all')}
                  options={CUSTOMER_TYPES.map((c) => ({
                    value: c,
                    label: t(`customers.types.${c}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['scope', 'industry']} label={t('reviews.scope.industry')}>
                <Input placeholder={t('reviews.scope.all')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="steps">
            {(fields) => (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                title={() => t('reviews.start.steps')}
                columns={[
                  {
                    key: 'name',
                    title: t('reviews.steps.step'),
                    render: (_: unknown, f) => {
                      const s = DEFAULT_STEPS[f.name];
                      return s ? stepName(s, i18n.language) : '';
                    },
                  },
                  {
                    key: 'role',
                    title: t('reviews.steps.role'),
                    width: 200,
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'roleId']} noStyle>
                        <Select
                          style={{ width: '100%' }}
                          aria-label={t('reviews.steps.role')}
                          options={STEP_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'due',
                    title: t('reviews.steps.dueDays'),
                    width: 140,
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'dueDays']} noStyle>
                        <InputNumber
                          min={0}
                          max={366}
                          style={{ width: '100%' }}
                          aria-label={t('reviews.steps.dueDays')}
                        />
                      </Form.Item>
                    ),
                  },
                ]}
              />
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
