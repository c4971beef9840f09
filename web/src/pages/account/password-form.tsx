import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeOwnPassword } from '../../api/security';
import { errorMessage } from '../../errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Changes the user's own password. The server checks the policy (length, kinds of characters,
 * no username, no common password) and ends the user's other sessions; its refusal is shown
 * under the form as it comes, since it names the rule that failed.
 */
export function PasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (v: Values) =>
      changeOwnPassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      message.success(t('security.account.changed'));
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: ['security', 'sessions'] });
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => change.mutate(v)}
      requiredMark={false}
      style={{ maxWidth: 420 }}
    >
      <Form.Item
        name="currentPassword"
        label={t('security.account.current')}
        rules={[{ required: true, message: t('security.account.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('security.account.new')}
        extra={t('security.account.rule')}
        rules={[
          { required: true, message: t('security.account.newRequired') },
          { min: 10, message: t('security.account.tooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('security.account.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('security.account.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('security.account.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {change.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, change.error)}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      )}
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('security.account.change')}
      </Button>
    </Form>
  );
}
