namespace Platform.Routing.LoadGenerator;

/// <summary>--name value pairs; repeated names (--header) keep every value.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"expected --name, got '{args[i]}'");
            var name = args[i][2..];
            if (!parsed._values.TryGetValue(name, out var list))
                parsed._values[name] = list = [];
            list.Add(args[i + 1]);
        }
        return parsed;
    }

    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"--{name} is required");

    public string? Optional(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];
}
