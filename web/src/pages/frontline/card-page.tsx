import { Alert, Empty, Flex, Input, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupOf } from '../../api/frontline';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { FrontlineCardView } from './frontline-card-view';
import { useCard, useLookupParam } from './use-card';

type Mode = 'auto' | 'code' | 'phone';

/** The front-line card lookup (route /service): search by code or phone, then the card. */
export function CardPage() {
  const { t } = useTranslation();
  const [lookup, setLookup] = useLookupParam();
  const [mode, setMode] = useState<Mode>('auto');
  const [text, setText] = useState(lookup ? ('code' in lookup ? lookup.code : lookup.phone) : '');
  const card = useCard(lookup);
  const search = (value: string) => {
    const v = value.trim();
    if (!v) return;
    setLookup(mode === 'auto' ? lookupOf(v) : mode === 'code' ? { code: v } : { phone: v });
  };
  const embedUrl = lookup
    ? `${window.location.origin}/embed/card?${'code' in lookup ? `code=${encodeURIComponent(lookup.code)}` : `phone=${encodeURIComponent(lookup.phone)}`}`
    : null;
  return (
    <>
      <PageHeader title={t('frontline.title')} subtitle={t('frontline.subtitle')} />
      <Flex gap={8} style={{ marginBottom: 16, maxWidth: 640 }}>
        <Select<Mode>
          aria-label={t('frontline.search.mode')}
          value={mode}
          onChange={setMode}
          style={{ width: 140 }}
          options={(['auto', 'code', 'phone'] as const).map((m) => ({
            value: m,
            label: t(`frontline.search.${m}`),
          }))}
        />
        <Input.Search
          data-testid="frontline-search"
          placeholder={t('frontline.search.placeholder')}
          enterButton={t('frontline.search.button')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={search}
          allowClear
        />
      </Flex>
      {!lookup && <Empty description={t('frontline.search.empty')} />}
      {card.isLoading && <Spin />}
      {card.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, card.error)}
          data-testid="frontline-error"
        />
      )}
      {card.data && <FrontlineCardView card={card.data} />}
      {card.data && embedUrl && (
        <Typography.Paragraph
          type="secondary"
          copyable={{ text: embedUrl }}
          data-testid="frontline-embed-url"
        >
          {t('frontline.search.embedHint', { url: embedUrl })}
        </Typography.Paragraph>
      )}
    </>
  );
}
