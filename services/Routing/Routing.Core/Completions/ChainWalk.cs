using Platform.Routing.Catalog;

namespace Platform.Routing.Completions;

/// <summary>
/// A position in a fallback chain that wraps around, counting provider tries per model and giving each
/// model its fallback depth: the number of distinct models tried before it (plus the chain's start depth).
/// </summary>
public sealed class ChainWalk
{
    private readonly List<ModelDefinition> _chain;
    private readonly Dictionary<string, int> _tries;
    private readonly Dictionary<string, int> _depths;
    private readonly int _firstDepth;
    private int _position;

    public ChainWalk(IReadOnlyList<ModelDefinition> chain, int firstDepth)
        : this([.. chain], firstDepth, new(StringComparer.Ordinal), new(StringComparer.Ordinal))
    {
    }

    private ChainWalk(List<ModelDefinition> chain, int firstDepth, Dictionary<string, int> tries, Dictionary<string, int> depths)
    {
        _chain = chain;
        _firstDepth = firstDepth;
        _tries = tries;
        _depths = depths;
    }

    public bool IsEmpty => _chain.Count == 0;

    public int Count => _chain.Count;

    public ModelDefinition Current => _chain[_position % _chain.Count];

    public int Depth => _depths.TryGetValue(Current.Name, out var depth) ? depth : _firstDepth + _depths.Count;

    public int TriesOf(ModelDefinition model) => _tries.GetValueOrDefault(model.Name);

    public void CountTry(ModelDefinition model)
    {
        _depths.TryAdd(model.Name, _firstDepth + _depths.Count);
        _tries[model.Name] = TriesOf(model) + 1;
    }

    /// <summary>On to the next model; a one-model chain stays on its model (a plain retry).</summary>
    public void Advance() => _position = _chain.Count <= 1 ? 0 : _position + 1;

    /// <summary>A new chain (cheaper model, larger window) that keeps the tries and depths seen so far.</summary>
    public ChainWalk SwitchTo(IReadOnlyList<ModelDefinition> chain) => new([.. chain], _firstDepth, _tries, _depths);
}
