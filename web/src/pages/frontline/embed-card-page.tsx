import { Alert, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../errors';
import { FrontlineCardView } from './frontline-card-view';
import { useCard, useLookupParam } from './use-card';

/**
 * The front-line card alone, compact and without the menu, for an iframe in a counter, hotline
 * or account-manager screen: /embed/card?code=… or /embed/card?phone=….
 */
export function EmbedCardPage() {
  const { t } = useTranslation();
  const [lookup] = useLookupParam();
  const card = useCard(lookup);
  return (
    <div style={{ padding: 8 }} data-testid="frontline-embed">
      {!lookup && <Empty description={t('frontline.search.empty')} />}
      {card.isLoading && <Spin />}
      {card.isError && <Alert type="error" showIcon title={errorMessage(t, card.error)} />}
      {card.data && <FrontlineCardView card={card.data} compact />}
    </div>
  );
}
