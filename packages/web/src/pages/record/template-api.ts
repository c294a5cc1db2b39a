import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The web's mirror of NoteField and NoteSettings (server features/record/record-schemas.ts). */
export interface TemplateField {
  /** A built-in key (themes, material, …) or the practice's own custom_<slug>. */
  key: string;
  label: string;
  enabled: boolean;
  hint?: string;
}

export interface TemplateSettings {
  fields: TemplateField[];
  lateAfterHours: number;
}

/** The nine built-in fields, with their default labels (the server's BUILT_IN_FIELDS). */
export const BUILT_IN_LABELS: Record<string, string> = {
  themes: 'Themes',
  material: 'Material the client brought',
  dreams: 'Dreams discussed',
  transference: 'Transference',
  countertransference: 'Countertransference',
  defences: 'Defences observed',
  interventions: 'Interventions',
  risk: 'Risk',
  plan: 'Plan',
};

export const MAX_FIELDS = 40;
export const MAX_LATE_HOURS = 2160;

export const templateKeys = { settings: ['record', 'note-settings'] as const };

const PATH = '/api/record/note-settings';

export function useNoteTemplate() {
  return useQuery({
    queryKey: templateKeys.settings,
    queryFn: () => api<TemplateSettings>(PATH),
    refetchOnWindowFocus: false,
  });
}

export function useSaveNoteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: TemplateSettings) => api<TemplateSettings>(PATH, { method: 'PUT', body: settings }),
    onSuccess: (settings) => queryClient.setQueryData(templateKeys.settings, settings),
  });
}

/** A key for a field of the practice's own: custom_<slug of its label>, unused among `taken`. */
export function customKeyFor(label: string, taken: ReadonlySet<string>): string {
  const slug =
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 28)
      .replace(/_+$/, '') || 'field';
  const base = `custom_${slug}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}
