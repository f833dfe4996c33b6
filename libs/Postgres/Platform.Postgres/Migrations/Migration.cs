using System.Security.Cryptography;
using System.Text;

namespace Platform.Postgres.Migrations;

/// <summary>One versioned SQL script, e.g. <c>0001_create_ledger.sql</c> (version 1, name create_ledger).</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the script with line endings normalised, so a checkout with CRLF endings does not
    /// read as an edited migration.
    /// </summary>
    public string Checksum { get; } = ComputeChecksum(Sql);

    public override string ToString() => $"{Version:D4}_{Name}";

    private static string ComputeChecksum(string sql)
    {
        var normalised = sql.ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
