interface FieldErrorProps {
  id: string;
  message: string | undefined;
}

/** A field's error, linked from its input through `aria-describedby={id}` and read out when it appears. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

/** The ids an input's `aria-describedby` should name: its hint, and its error when there is one. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(' ') : undefined;
}
