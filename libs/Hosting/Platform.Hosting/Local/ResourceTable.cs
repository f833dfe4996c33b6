using System.Globalization;
using System.Text;

namespace Platform.Hosting.Local;

/// <summary>A plain-text table of resources: name, state, process id, endpoints.</summary>
internal static class ResourceTable
{
    public static string Render(IEnumerable<ResourceSnapshot> resources)
    {
        var rows = resources.Select(Row).Prepend(["RESOURCE", "STATE", "PID", "ENDPOINTS"]).ToList();
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

    private static string[] Row(ResourceSnapshot resource) =>
    [
        resource.Name,
        resource.State.ToString(),
        resource.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "",
        string.Join("  ", resource.Endpoints.Select(e => $"{e.Key}={e.Value.GetLeftPart(UriPartial.Authority)}")),
    ];
}
