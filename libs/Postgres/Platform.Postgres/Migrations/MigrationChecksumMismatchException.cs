namespace Platform.Postgres.Migrations;

/// <summary>An applied migration's script was edited afterwards; the database no longer matches the code.</summary>
public sealed class MigrationChecksumMismatchException(string schema, Migration migration, string appliedChecksum)
    : InvalidOperationException(
        $"Migration {schema}/{migration} was changed after it was applied: the database recorded checksum " +
        $"{appliedChecksum}, the assembly now has {migration.Checksum}. Applied migrations are immutable; " +
        "restore the original script and put the change in a new migration with a higher version.")
{
    public string Schema { get; } = schema;

    public int Version { get; } = migration.Version;
}
