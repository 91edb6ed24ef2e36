import type { Segment } from '../../../app/api-types';

/**
 * Text with the search words marked. The server sends the pieces; they are rendered as text (React
 * escapes them), never as HTML.
 */
export function Highlight({ segments, fallback }: { segments: readonly Segment[]; fallback?: string }) {
  if (segments.length === 0) return <>{fallback ?? ''}</>;
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="xz-hit-mark">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
