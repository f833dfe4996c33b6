using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>
/// Parameter values for a local run: configuration (<c>Parameters:{name}</c>, e.g. the environment variable
/// <c>Parameters__openai-api-key</c>) first, then <c>{state}/parameters.json</c> (mode 0600, outside git),
/// then the parameter's default. Generated values are written to that file so passwords stay stable.
/// </summary>
internal sealed class ParameterValues
{
    private readonly Dictionary<ParameterResource, string> _values = [];

    private ParameterValues()
    {
    }

    public string this[ParameterResource parameter] =>
        _values.TryGetValue(parameter, out var value)
            ? value
            : throw new InvalidOperationException($"Parameter '{parameter.Name}' is not part of the model.");

    public static ParameterValues Resolve(IEnumerable<ParameterResource> parameters, IConfiguration configuration, string storeFile)
    {
        var stored = Load(storeFile);
        var changed = false;
        var values = new ParameterValues();
        foreach (var parameter in parameters)
        {
            var value = configuration[$"Parameters:{parameter.Name}"] ?? stored.GetValueOrDefault(parameter.Name);
            if (value is null)
            {
                value = parameter.Default?.GetDefaultValue() ?? throw new DistributedApplicationException(
                    $"Parameter '{parameter.Name}' has no value. Set the environment variable 'Parameters__{parameter.Name}' or add \"{parameter.Name}\" to {storeFile}.");
                if (parameter.Persist)
                {
                    stored[parameter.Name] = value;
                    changed = true;
                }
            }

            values._values[parameter] = value;
        }

        if (changed)
        {
            Save(storeFile, stored);
        }

        return values;
    }

    private static Dictionary<string, string> Load(string file) =>
        File.Exists(file)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? []
            : [];

    private static void Save(string file, Dictionary<string, string> values)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        using (var stream = PrivateFiles.Create(temp))
        {
            JsonSerializer.Serialize(stream, values, new JsonSerializerOptions { WriteIndented = true });
        }

        File.Move(temp, file, overwrite: true);
    }
}
