// The upload section's name in the navigation (AppHeader), in both languages.
import type { Lang } from '../i18n/lang';

export const uploadNavLabel: Record<Lang, string> = { es: 'Cargar datos', en: 'Load data' };
