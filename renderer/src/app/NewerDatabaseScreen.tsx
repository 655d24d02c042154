// Shown instead of the app when the stored data belongs to a newer Marginalia: the data is safe
// and untouched, and the way forward is the newer version, not an empty workspace.
export function NewerDatabaseScreen() {
  return (
    <main className="empty-state startup-failure" role="alert" aria-labelledby="newer-database-title">
      <h1 id="newer-database-title">This data was saved by a newer Marginalia</h1>
      <p>
        Your projects on this computer were last opened with a newer version of Marginalia. This version cannot read them
        safely, so it has not opened or changed them.
      </p>
      <p>Install the newer version again to keep working. Your projects are still there.</p>
    </main>
  );
}
