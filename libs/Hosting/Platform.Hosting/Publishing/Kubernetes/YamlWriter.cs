using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Hosting.Publishing.Kubernetes;

/// <summary>
/// The small YAML subset Kubernetes objects need: mappings, sequences, strings, integers, booleans and
/// multi-line literals. Strings are plain only when no YAML reader could take them for anything else.
/// </summary>
internal static partial class YamlWriter
{
    public static string Write(IEnumerable<YamlMap> documents) => string.Join("---\n", documents.Select(Write));

    public static string Write(YamlMap document)
    {
        var text = new StringBuilder();
        WriteMap(text, document, 0);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, YamlMap map, int indent, bool firstLineIndented = true)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!first || firstLineIndented)
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append(Scalar(key)).Append(':');
            WriteValue(text, value, indent);
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case YamlMap map when !map.Any():
                text.Append(" {}\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2);
                break;
            case IEnumerable<object> list when !list.Any():
                text.Append(" []\n");
                break;
            case IEnumerable<object> list:
                text.Append('\n');
                WriteList(text, list, indent + 2);
                break;
            case string multiline when multiline.Contains('\n'):
                WriteLiteral(text, multiline, indent + 2);
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteList(StringBuilder text, IEnumerable<object> list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append('-');
            if (item is YamlMap map && map.Any())
            {
                text.Append(' ');
                WriteMap(text, map, indent + 2, firstLineIndented: false);
            }
            else
            {
                WriteValue(text, item, indent);
            }
        }
    }

    private static void WriteLiteral(StringBuilder text, string value, int indent)
    {
        text.Append(value.EndsWith('\n') ? " |\n" : " |-\n");
        foreach (var line in value.TrimEnd('\n').Split('\n'))
        {
            text.Append(' ', line.Length == 0 ? 0 : indent).Append(line).Append('\n');
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s => IsPlainSafe(s) ? s : JsonSerializer.Serialize(s, QuotedStrings),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name),
    };

    private static bool IsPlainSafe(string value) =>
        PlainScalar().IsMatch(value) && !Keywords.Contains(value.ToLowerInvariant());

    // A JSON string is a valid YAML double-quoted scalar; the relaxed encoder keeps '"' as \" rather than \u0022.
    private static readonly JsonSerializerOptions QuotedStrings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Keywords = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"];

    // Starts with a letter, '/' or '_' (never a digit, '.', '-' or an indicator), no spaces (so never ': ' or ' #'), no trailing ':'.
    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./:@+=-]*(?<!:)$")]
    private static partial Regex PlainScalar();
}
