using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Platform.Agents.V1;

namespace Platform.Agents.Tasks;

/// <summary>
/// SHA-256 of a spec as the caller sent it, written canonically (labels sorted, since protobuf map order
/// is not fixed), to tell an idempotent repeat from a different request under the same key.
/// </summary>
public static class SpecFingerprint
{
    public static string Of(TaskSpec spec)
    {
        var withoutLabels = spec.Clone();
        withoutLabels.Labels.Clear();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(withoutLabels.ToByteArray());
        foreach (var (key, value) in spec.Labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes($"\u0001{key}\u0002{value}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
