namespace Platform.Hosting.Local;

/// <summary>
/// The AppHost's console: every resource's output prefixed with its name (coloured on a terminal), the
/// AppHost's own notes, and the resource table. One lock keeps lines from interleaving.
/// </summary>
internal sealed class ConsoleReporter(TextWriter output, bool useColor)
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";

    private static readonly string[] Palette =
        ["\u001b[36m", "\u001b[32m", "\u001b[33m", "\u001b[35m", "\u001b[34m", "\u001b[96m", "\u001b[92m", "\u001b[93m", "\u001b[95m", "\u001b[94m"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colors = [];
    private int _prefixWidth = 8;

    public void RegisterNames(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _colors[name] = Palette[_colors.Count % Palette.Length];
            _prefixWidth = Math.Max(_prefixWidth, name.Length);
        }
    }

    public void Log(ResourceInstance instance, string line) => Write(instance.DisplayName, line);

    public void Info(string message) => Write("apphost", message);

    public void Error(string message) => Write("apphost", message, isError: true);

    public void Table(IEnumerable<ResourceSnapshot> resources) => WriteBlock(ResourceTable.Render(resources));

    public void WriteBlock(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }

    private void Write(string name, string line, bool isError = false)
    {
        var prefix = name.PadRight(_prefixWidth);
        if (useColor)
        {
            var color = isError ? "\u001b[31m" : _colors.GetValueOrDefault(name, Bold);
            prefix = color + prefix + Reset;
        }

        lock (_gate)
        {
            output.Write(prefix);
            output.Write(" | ");
            output.WriteLine(line);
            output.Flush();
        }
    }
}
