using System.Security.Cryptography;
using System.Text;

namespace Platform.Routing.Catalog;

/// <summary>
/// Opaque etags. Stored models carry their revision ("r7"); models that only exist in configuration
/// carry a hash of their spec, so an etag read from them still detects a change.
/// </summary>
public static class ModelEtags
{
    public static string ForRevision(long revision) => "r" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ForConfiguration(ModelDefinition model)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(StoredModelSpec.Serialize(model)));
        return "c" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
