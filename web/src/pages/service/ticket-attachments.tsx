import { Button, Card, Empty, List, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { attachmentUrl, type TicketAttachment } from '../../api/tickets';

/** The ticket's files: download links and an upload button (at most 10 MB a file). */
export function TicketAttachments({
  ticketId,
  items,
  canUpload,
  uploading,
  onUpload,
}: {
  ticketId: number;
  items: TicketAttachment[];
  canUpload: boolean;
  uploading: boolean;
  onUpload: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('service.ticket.attachments')}
      extra={
        canUpload && (
          <Upload
            showUploadList={false}
            beforeUpload={(f) => {
              onUpload(f);
              return false;
            }}
          >
            <Button size="small" loading={uploading} data-testid="ticket-upload">
              {t('service.ticket.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('service.ticket.noAttachments')}
        />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item>
              <a href={attachmentUrl(ticketId, a.id)} data-testid="ticket-attachment">
                {a.fileName}
              </a>{' '}
              ({Math.ceil(a.size / 1024)} KB)
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
