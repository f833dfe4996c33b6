namespace Platform.Routing.Catalog;

/// <summary>One row of <c>routing.models</c>: a model written by an admin RPC, or a tombstone (<see cref="Model"/> null).</summary>
public sealed record StoredModelRow(string Name, ModelDefinition? Model, long Revision, DateTime CreateTime, DateTime UpdateTime)
{
    public bool Deleted => Model is null;
}
