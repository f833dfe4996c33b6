using System.Text;

namespace Platform.Hosting.Local;

/// <summary>A plain-text table of resources: name, state, process id, endpoints.</summary>
internal static class ResourceTable
{
    public static string Render(IEnumerable<ResourceSnapshot> resources)
    {
        var rows = resources
            .Select(r => new[] { r.Name, r.State.ToString(), r.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", string.Join(" ", r.Endpoints) })
            .Prepend(["RESOURCE", "STATE", "PID", "ENDPOINTS"])
            .ToList();
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();

        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append("  ");
            for (var c = 0; c < row.Length; c++)
            {
                text.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c] + 2));
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }
}
