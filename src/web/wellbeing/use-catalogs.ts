export { useCatalogs } from '../components/catalogs';

export const WELLBEING_NS = ['wellbeing'] as const;
export const COACHING_NS = ['coaching'] as const;
