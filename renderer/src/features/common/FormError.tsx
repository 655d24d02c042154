// The one way a dialog reports why its action failed: announced at once (role="alert").
export function FormError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="form-error">
      {error}
    </p>
  );
}
