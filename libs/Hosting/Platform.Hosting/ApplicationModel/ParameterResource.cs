namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// A value supplied at run or deploy time. Locally it comes from configuration (<c>Parameters:{name}</c>),
/// then the state folder's parameter file, then <see cref="Default"/>; secret values are never printed.
/// </summary>
public sealed class ParameterResource(string name, ParameterDefault? defaultValue, bool secret, bool persist) : Resource(name)
{
    public ParameterDefault? Default { get; } = defaultValue;

    public bool Secret { get; } = secret;

    /// <summary>Generated values are written to the state folder so they survive restarts (passwords must).</summary>
    public bool Persist { get; } = persist;

    /// <summary>Whether the manifest carries <see cref="Default"/> (generated defaults always are).</summary>
    public bool PublishDefault { get; init; }
}
