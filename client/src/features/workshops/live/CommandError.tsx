/** The failure of the last command, where it happened. */
export function CommandError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="alert alert-error workshop-command-error" role="alert">
      {error}
    </p>
  );
}
