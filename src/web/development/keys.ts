/** Cache keys of the conversation calls; every one starts with "conversations". */
export const conversationKeys = {
  all: ['conversations'] as const,
  list: (as: 'manager' | 'employee') => ['conversations', 'list', as] as const,
  page: (id: string) => ['conversations', 'page', id] as const,
  summary: ['conversations', 'summary'] as const,
};
