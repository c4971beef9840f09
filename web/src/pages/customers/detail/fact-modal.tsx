import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { createFact, type FactKind } from '../../../api/facts';
import { applyFieldIssues, formBanner } from '../../../errors';
import { todayIso } from '../../../format';
import { FactInput } from './fact-inputs';
import { FACT_SPECS, factBody } from './fact-specs';

const WIDE = new Set(['textarea', 'customer']);

/** Records one fact of a kind against a customer; field problems land on their inputs. */
export function FactModal({
  customerId,
  kind,
  onClose,
}: {
  customerId: number;
  kind: FactKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, unknown>>();
  const spec = FACT_SPECS[kind];
  const initial = Object.fromEntries(
    spec.fields
      .filter((f) => f.initial !== undefined)
      .map((f) => [f.name, f.initial === 'today' ? todayIso() : f.initial]),
  );

  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      createFact(customerId, kind, factBody(spec, values)),
    onSuccess: () => {
      message.success(t('facts.recorded'));
      queryClient.invalidateQueries({ queryKey: ['facts', customerId, kind] });
      queryClient.invalidateQueries({ queryKey: ['timeline', customerId] });
      onClose();
    },
    onError: (e) => {
      applyFieldIssues(
        form,
        e,
        spec.fields.map((f) => f.name),
      );
    },
  });

  return (
    <Modal
      open
      title={t('facts.recordTitle', { kind: t(`facts.one.${kind}`) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={680}
    >
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={formBanner(
            t,
            save.error,
            spec.fields.map((f) => f.name),
          )}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          {spec.fields.map((f) => (
            <Col key={f.name} xs={24} md={WIDE.has(f.type) ? 24 : 12}>
              <FactInput field={f} customerId={customerId} />
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
