using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Postgres.Migrations;

/// <summary>
/// Reads migrations shipped as embedded resources:
/// <c>&lt;EmbeddedResource Include="Migrations/*.sql" /&gt;</c> in the service's project.
/// </summary>
public static partial class EmbeddedMigrations
{
    public static IReadOnlyList<Migration> Load(Assembly assembly, string folder = "Migrations")
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success || !IsInFolder(resource, match.Index, folder))
            {
                continue;
            }

            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value),
                match.Groups["name"].Value,
                ReadResource(assembly, resource)));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException(
                $"No migrations found in {assembly.GetName().Name} under {folder}/. Name them {folder}/0001_what_it_does.sql " +
                $"and embed them: <EmbeddedResource Include=\"{folder}/*.sql\" />.");
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two migrations in {assembly.GetName().Name} share version {duplicate.Key}: {string.Join(", ", duplicate)}.");
        }

        return migrations.OrderBy(m => m.Version).ToList();
    }

    // MSBuild names the resource <RootNamespace>.<folder with dots>.<file name>.
    private static bool IsInFolder(string resource, int fileNameStart, string folder)
    {
        var prefix = resource[..fileNameStart].TrimEnd('.');
        var expected = folder.Replace('/', '.').Replace('\\', '.').Trim('.');
        return prefix == expected || prefix.EndsWith("." + expected, StringComparison.Ordinal);
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"(?<=^|\.)(?<version>\d+)_(?<name>[A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex ResourceName();
}
