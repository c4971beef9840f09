import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoryTreeData, getPublicTaxonomy, getTaxonomy } from '../../api/tickets';

/** The request taxonomy as TreeSelect data in the UI language (signed in, or the public copy). */
export function useCategoryTree(publicCopy = false) {
  const { i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['service', 'taxonomy', publicCopy],
    queryFn: publicCopy ? getPublicTaxonomy : getTaxonomy,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    treeData: q.data ? categoryTreeData(q.data.tree, i18n.language) : [],
    nodes: q.data?.nodes ?? [],
    loading: q.isLoading,
  };
}

/** Colour of a service level tag: urgent red … consultation blue. */
export function levelColor(level: number): string {
  return ['', 'red', 'orange', 'gold', 'blue'][level] ?? 'default';
}

/** Colour of a status tag. */
export function statusColor(status: string): string {
  const colors: Record<string, string> = {
    new: 'magenta',
    assigned: 'purple',
    replied: 'cyan',
    in_progress: 'processing',
    resolved: 'success',
    confirmed: 'green',
    closed: 'default',
  };
  return colors[status] ?? 'default';
}

/** The four service levels (1 urgent … 4 consultation). */
export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];
