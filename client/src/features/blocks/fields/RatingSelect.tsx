import { RATING_MAX, RATING_MIN } from '@polisee/editor-schema';

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

/** A 1–5 rating: a select, so only a value the schema allows can be chosen. */
export function RatingSelect({
  value,
  label,
  onChange,
}: {
  value: number;
  label: string;
  onChange: (rating: number) => void;
}) {
  return (
    <select
      className="block-rating"
      aria-label={label}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
    >
      {RATINGS.map((rating) => (
        <option key={rating} value={rating}>
          {rating}
        </option>
      ))}
    </select>
  );
}
