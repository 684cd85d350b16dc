export interface NoticePageProps {
  title: string;
  children: React.ReactNode;
}

/** A plain page with one message: newsletter links (confirm, unsubscribe, preferences), sign-in, the account. */
export function NoticePage({ title, children }: NoticePageProps) {
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-10">
      <h1 className="font-display text-3xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

export const PRIMARY_BUTTON = "rounded-md bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark";
