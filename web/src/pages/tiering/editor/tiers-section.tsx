import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The tier ladder, best first; the order is the rank. */
export function TiersSection() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('tiering.editor.tiers')} id="editor-tiers">
      <Typography.Paragraph type="secondary">{t('tiering.editor.tiersHint')}</Typography.Paragraph>
      <Form.List name="tiers">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="start" wrap>
                <Typography.Text style={{ width: 24, lineHeight: '32px' }}>{i + 1}</Typography.Text>
                <Form.Item
                  name={[f.name, 'id']}
                  rules={[{ required: true, message: t('tiering.editor.required') }]}
                >
                  <Input
                    placeholder={t('tiering.editor.id')}
                    aria-label={t('tiering.editor.tierId', { n: i + 1 })}
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name', 'zh']}
                  rules={[{ required: true, message: t('tiering.editor.required') }]}
                >
                  <Input
                    placeholder={t('tiering.editor.nameZh')}
                    aria-label={t('tiering.editor.tierNameZh', { n: i + 1 })}
                    style={{ width: 180 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name', 'en']}
                  rules={[{ required: true, message: t('tiering.editor.required') }]}
                >
                  <Input
                    placeholder={t('tiering.editor.nameEn')}
                    aria-label={t('tiering.editor.tierNameEn', { n: i + 1 })}
                    style={{ width: 180 }}
                  />
                </Form.Item>
                <Button
                  icon={<ArrowUpOutlined />}
                  aria-label={t('tiering.editor.moveUp')}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                />
                <Button
                  icon={<ArrowDownOutlined />}
                  aria-label={t('tiering.editor.moveDown')}
                  disabled={i === fields.length - 1}
                  onClick={() => move(i, i + 1)}
                />
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('tiering.editor.remove')}
                  disabled={fields.length <= 1}
                  onClick={() => remove(f.name)}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ id: '', name: { zh: '', en: '' } })}
            >
              {t('tiering.editor.addTier')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
