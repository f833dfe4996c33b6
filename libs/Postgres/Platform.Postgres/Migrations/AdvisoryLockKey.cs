using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Postgres.Migrations;

/// <summary>
/// The pg_advisory_lock key for one schema's migrations: stable across processes and versions (a
/// string's GetHashCode is randomised per process, so it cannot be used).
/// </summary>
internal static class AdvisoryLockKey
{
    public static long ForSchema(string schema)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"platform.migrations/{schema}"));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
