import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { type CardLookup, frontlineCard } from '../../api/frontline';

/** The lookup in the page address (?code=… or ?phone=…), if any. */
export function useLookupParam(): [CardLookup | undefined, (l: CardLookup) => void] {
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  const phone = params.get('phone');
  const lookup: CardLookup | undefined = code ? { code } : phone ? { phone } : undefined;
  return [lookup, (l) => setParams('code' in l ? { code: l.code } : { phone: l.phone })];
}

/** The card for a lookup; not retried on 404 (nobody has that code or phone). */
export function useCard(lookup: CardLookup | undefined) {
  return useQuery({
    queryKey: ['frontline', 'card', lookup],
    queryFn: () => frontlineCard(lookup as CardLookup),
    enabled: lookup !== undefined,
    retry: false,
  });
}
