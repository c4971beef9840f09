import {
  CheckOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  RollbackOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CycleDetail,
  cancelCycle,
  commentOnCycle,
  completeStep,
  extendDeadline,
  returnStep,
  type StepKind,
} from '../../api/reviews';
import { useAuth } from '../../auth/auth-provider';
import { currentStep, ownsStep } from './labels';
import { TextModal } from './text-modal';
import { useCycleAction } from './use-cycle';

type Dialog = 'complete' | 'return' | 'comment' | 'deadline' | 'cancel';

/**
 * The buttons of the current step for those who own it (complete, send back, comment), and the
 * managers' deadline and cancel buttons. Publishing has its own panel.
 */
export function StepActions({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const [dialog, setDialog] = useState<Dialog>();
  const close = () => setDialog(undefined);
  const step = currentStep(cycle);
  const mine = ownsStep(me, step);
  const manage = can('reviews.manage') && cycle.status === 'open';

  const complete = useCycleAction(
    cycle.id,
    // The step's kind goes with the request, so a page left open on an older step cannot
    // complete the one the cycle has moved on to.
    (v: { kind: StepKind; comment: string }) =>
      completeStep(cycle.id, v.kind, v.comment || undefined),
    t('reviews.actions.completed'),
    close,
  );
  const back = useCycleAction(
    cycle.id,
    (reason: string) => returnStep(cycle.id, reason),
    t('reviews.actions.returned'),
    close,
  );
  const comment = useCycleAction(
    cycle.id,
    (text: string) => commentOnCycle(cycle.id, text),
    t('reviews.actions.commented'),
    close,
  );
  const deadline = useCycleAction(
    cycle.id,
    (date: string) => extendDeadline(cycle.id, date),
    t('reviews.actions.extended'),
    close,
  );
  const cancel = useCycleAction(
    cycle.id,
    (reason: string) => cancelCycle(cycle.id, reason),
    t('reviews.actions.cancelled'),
    close,
  );

  if (!step && !manage) return null;
  const acting = mine && step;
  return (
    <Space wrap>
      {acting && step.kind !== 'publish' && (
        <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('complete')}>
          {t('reviews.actions.complete')}
        </Button>
      )}
      {acting && cycle.currentStep > 0 && (
        <Button icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
          {t('reviews.actions.return')}
        </Button>
      )}
      {acting && (
        <Button icon={<CommentOutlined />} onClick={() => setDialog('comment')}>
          {t('reviews.actions.comment')}
        </Button>
      )}
      {manage && (
        <Button icon={<ClockCircleOutlined />} onClick={() => setDialog('deadline')}>
          {t('reviews.actions.extend')}
        </Button>
      )}
      {manage && (
        <Button danger icon={<StopOutlined />} onClick={() => setDialog('cancel')}>
          {t('reviews.actions.cancel')}
        </Button>
      )}
      <TextModal
        open={dialog === 'complete'}
        title={t('reviews.actions.completeTitle')}
        label={t('reviews.actions.commentOptional')}
        okText={t('reviews.actions.complete')}
        required={false}
        loading={complete.isPending}
        onSubmit={(text) => step && complete.mutate({ kind: step.kind, comment: text })}
        onCancel={close}
      />
      <TextModal
        open={dialog === 'return'}
        title={t('reviews.actions.returnTitle')}
        label={t('reviews.actions.reason')}
        okText={t('reviews.actions.return')}
        required
        loading={back.isPending}
        onSubmit={(text) => back.mutate(text)}
        onCancel={close}
      />
      <TextModal
        open={dialog === 'comment'}
        title={t('reviews.actions.comment')}
        label={t('reviews.actions.commentLabel')}
        okText={t('reviews.actions.comment')}
        required
        loading={comment.isPending}
        onSubmit={(text) => comment.mutate(text)}
        onCancel={close}
      />
      <TextModal
        open={dialog === 'deadline'}
        title={t('reviews.actions.extend')}
        label={t('reviews.fields.deadline')}
        okText={t('common.save')}
        type="date"
        initial={cycle.deadline}
        required
        loading={deadline.isPending}
        onSubmit={(text) => deadline.mutate(text)}
        onCancel={close}
      />
      <TextModal
        open={dialog === 'cancel'}
        title={t('reviews.actions.cancelTitle')}
        label={t('reviews.actions.reason')}
        okText={t('reviews.actions.cancel')}
        required
        loading={cancel.isPending}
        onSubmit={(text) => cancel.mutate(text)}
        onCancel={close}
      />
    </Space>
  );
}
