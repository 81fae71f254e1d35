// The Templates sheet: the team's saved replies.
export const TEMPLATE_HEADER = ['Template', 'To', 'Subject', 'Body'] as const;
