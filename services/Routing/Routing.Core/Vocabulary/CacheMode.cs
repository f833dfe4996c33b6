namespace Platform.Routing.Vocabulary;

/// <summary>Whether the response cache may answer. Values match platform.routing.v1.CacheMode.</summary>
public enum CacheMode
{
    Unspecified = 0,
    Disabled = 1,
    Enabled = 2,
}
