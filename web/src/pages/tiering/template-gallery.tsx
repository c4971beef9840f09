import { ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { createFromTemplate, listTemplates, startRun } from '../../api/tiering';
import { errorMessage } from '../../errors';
import { todayIso } from '../../format';
import { localized } from './labels';

/**
 * The scheme templates as cards. Picking one and pressing "create and run" creates the scheme
 * (or reuses the one made from that template before), runs it at today's date and opens the run.
 */
export function TemplateGallery() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [picked, setPicked] = useState<string>();
  const templates = useQuery({ queryKey: ['tiering', 'templates'], queryFn: listTemplates });

  const create = useMutation({
    mutationFn: async (key: string) => {
      const version = await createFromTemplate(key);
      return startRun(version.id, todayIso());
    },
    onSuccess: (run) => {
      void client.invalidateQueries({ queryKey: ['tiering'] });
      navigate(`/tiering/runs/${run.runId}`);
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });

  return (
    <Card
      title={t('tiering.templates.title')}
      extra={
        <Button
          type="primary"
          icon={<ThunderboltOutlined />}
          disabled={!picked}
          loading={create.isPending}
          onClick={() => picked && create.mutate(picked)}
        >
          {t('tiering.templates.createAndRun')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tiering.templates.hint')}</Typography.Paragraph>
      {templates.isError && (
        <Typography.Text type="danger">{errorMessage(t, templates.error)}</Typography.Text>
      )}
      {templates.data?.length === 0 && <Empty description={t('tiering.templates.empty')} />}
      <Row gutter={[12, 12]} role="radiogroup" aria-label={t('tiering.templates.title')}>
        {(templates.data ?? []).map((tpl) => {
          const selected = tpl.key === picked;
          return (
            <Col key={tpl.key} xs={24} md={12} xl={8}>
              <Card
                size="small"
                hoverable
                role="radio"
                aria-checked={selected}
                data-testid={`template-${tpl.key}`}
                onClick={() => setPicked(tpl.key)}
                style={{
                  height: '100%',
                  borderColor: selected ? '#1668dc' : undefined,
                  boxShadow: selected ? '0 0 0 2px rgba(22,104,220,0.25)' : undefined,
                }}
              >
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{localized(tpl.name, i18n.language)}</Typography.Text>
                  <span>
                    {tpl.schemeId !== null && (
                      <Tag color="green">{t('tiering.templates.created')}</Tag>
                    )}
                    <Tag>{t('tiering.templates.tiers', { count: tpl.tiers })}</Tag>
                  </span>
                </Flex>
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 3, tooltip: localized(tpl.description, i18n.language) }}
                  style={{ marginTop: 8, marginBottom: 0 }}
                >
                  {localized(tpl.description, i18n.language)}
                </Typography.Paragraph>
              </Card>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
