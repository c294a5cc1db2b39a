import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { MyQuestionnaire, MyQuestionnaireDetail, PortalAnswerValue, SavedAnswer } from './questionnaires-types';

export const questionnaireKeys = {
  mine: ['questionnaires', 'mine'] as const,
  one: (id: string) => ['questionnaires', 'mine', id] as const,
  /** The saves of one questionnaire's answers: several can be on their way at once. */
  answerSaves: (id: string) => ['questionnaires', 'mine', id, 'answer'] as const,
};

export function useMyQuestionnaires(enabled = true) {
  return useQuery({
    queryKey: questionnaireKeys.mine,
    queryFn: () => api<{ questionnaires: MyQuestionnaire[] }>('/api/questionnaires/mine'),
    enabled,
  });
}

export function useMyQuestionnaire(id: string) {
  return useQuery({
    queryKey: questionnaireKeys.one(id),
    queryFn: () => api<{ questionnaire: MyQuestionnaireDetail }>(`/api/questionnaires/mine/${seg(id)}`),
    retry: false,
  });
}

export function useSaveAnswer(id: string) {
  return useMutation({
    mutationKey: questionnaireKeys.answerSaves(id),
    mutationFn: (input: { linkId: string; value: PortalAnswerValue; revision: number | null }) =>
      api<{ answer: SavedAnswer }>(`/api/questionnaires/mine/${seg(id)}/answers/${seg(input.linkId)}`, {
        method: 'PUT',
        body: { value: input.value, revision: input.revision },
      }),
  });
}

export function useSubmitQuestionnaire(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ submitted: boolean; showCrisisResources: boolean }>(`/api/questionnaires/mine/${seg(id)}/submit`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionnaireKeys.mine, exact: true }),
  });
}
