using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Prometheus.Tests.Validation;

/// <summary>
/// Parses the text exposition format 0.0.4 and rejects anything the specification does not allow
/// (and, stricter than Prometheus, anything our exporter should never write: other comments, blank
/// lines, timestamps, trailing commas). Semantic rules live in <see cref="ExpositionRules"/>.
/// </summary>
internal static partial class StrictExpositionParser
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static Exposition Parse(string text)
    {
        if (text.Contains('\r'))
        {
            throw new FormatException("Carriage return in the exposition; lines end with \\n only.");
        }

        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("The last line is not terminated by \\n.");
        }

        var families = new List<ParsedFamily>();
        var help = new Dictionary<string, string>();
        ParsedFamily? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var (name, docstring) = SplitDirective(line["# HELP ".Length..], number);
                if (help.ContainsKey(name) || families.Any(f => f.Name == name))
                {
                    throw Error(number, $"second HELP for {name}");
                }

                help[name] = UnescapeHelp(docstring, number);
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var (name, type) = SplitDirective(line["# TYPE ".Length..], number);
                if (!Types.Contains(type))
                {
                    throw Error(number, $"unknown type '{type}'");
                }

                if (families.Any(f => f.Name == name))
                {
                    throw Error(number, $"second TYPE for {name}: a family must appear once");
                }

                if (!help.Remove(name, out var docstring))
                {
                    throw Error(number, $"TYPE {name} without a HELP line before it");
                }

                current = new ParsedFamily(name, type, docstring, []);
                families.Add(current);
            }
            else if (line.StartsWith('#') || line.Length == 0)
            {
                throw Error(number, "only HELP and TYPE lines are expected (no other comments, no blank lines)");
            }
            else
            {
                var sample = ParseSample(line, number);
                if (current is null)
                {
                    throw Error(number, $"sample {sample.Name} before any HELP/TYPE");
                }

                current.Samples.Add(sample);
            }
        }

        if (help.Count > 0)
        {
            throw new FormatException($"HELP without TYPE for: {string.Join(", ", help.Keys)}");
        }

        return new Exposition(families);
    }

    private static (string Name, string Remainder) SplitDirective(string text, int line)
    {
        var space = text.IndexOf(' ');
        if (space <= 0)
        {
            throw Error(line, "directive needs a metric name and a value");
        }

        var name = text[..space];
        if (!MetricName().IsMatch(name))
        {
            throw Error(line, $"invalid metric name '{name}'");
        }

        return (name, text[(space + 1)..]);
    }

    private static ParsedSample ParseSample(string line, int number)
    {
        var nameEnd = 0;
        while (nameEnd < line.Length && line[nameEnd] is not ('{' or ' '))
        {
            nameEnd++;
        }

        var name = line[..nameEnd];
        if (!MetricName().IsMatch(name))
        {
            throw Error(number, $"invalid metric name '{name}'");
        }

        var position = nameEnd;
        var labels = new List<(string, string)>();
        if (position < line.Length && line[position] == '{')
        {
            position = ParseLabels(line, position + 1, labels, number);
        }

        if (position >= line.Length || line[position] != ' ')
        {
            throw Error(number, "expected one space before the value");
        }

        var value = line[(position + 1)..];
        if (value.Contains(' '))
        {
            throw Error(number, $"unexpected text after the value (timestamps are not written): '{value}'");
        }

        return new ParsedSample(name, labels, ParseValue(value, number), number);
    }

    // label_name="value" pairs separated by commas, no trailing comma; returns the position after '}'.
    private static int ParseLabels(string line, int position, List<(string, string)> labels, int number)
    {
        while (true)
        {
            var equals = line.IndexOf('=', position);
            if (equals < 0)
            {
                throw Error(number, "label without '='");
            }

            var labelName = line[position..equals];
            if (!LabelName().IsMatch(labelName))
            {
                throw Error(number, $"invalid label name '{labelName}'");
            }

            if (labels.Any(l => l.Item1 == labelName))
            {
                throw Error(number, $"label {labelName} appears twice");
            }

            if (equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                throw Error(number, $"value of label {labelName} is not quoted");
            }

            var (value, afterQuote) = ReadQuoted(line, equals + 2, number);
            labels.Add((labelName, value));
            if (afterQuote >= line.Length)
            {
                throw Error(number, "unterminated label set");
            }

            if (line[afterQuote] == '}')
            {
                return afterQuote + 1;
            }

            if (line[afterQuote] != ',' || afterQuote + 1 >= line.Length || line[afterQuote + 1] == '}')
            {
                throw Error(number, "labels must be separated by ',' with no trailing comma");
            }

            position = afterQuote + 1;
        }
    }

    private static (string Value, int AfterQuote) ReadQuoted(string line, int position, int number)
    {
        var value = new StringBuilder();
        for (var i = position; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '"':
                    return (value.ToString(), i + 1);
                case '\\' when i + 1 < line.Length:
                    value.Append(line[++i] switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        var other => throw Error(number, $"invalid escape '\\{other}' in a label value"),
                    });
                    break;
                case '\\':
                    throw Error(number, "dangling backslash in a label value");
                default:
                    value.Append(line[i]);
                    break;
            }
        }

        throw Error(number, "unterminated label value");
    }

    private static string UnescapeHelp(string docstring, int number)
    {
        var text = new StringBuilder();
        for (var i = 0; i < docstring.Length; i++)
        {
            if (docstring[i] != '\\')
            {
                text.Append(docstring[i]);
                continue;
            }

            if (i + 1 >= docstring.Length || docstring[i + 1] is not ('\\' or 'n'))
            {
                throw Error(number, "HELP may only escape \\\\ and \\n");
            }

            text.Append(docstring[++i] == 'n' ? '\n' : '\\');
        }

        return text.ToString();
    }

    private static double ParseValue(string value, int number) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when GoFloat().IsMatch(value) => double.Parse(value, CultureInfo.InvariantCulture),
        _ => throw Error(number, $"invalid sample value '{value}'"),
    };

    private static FormatException Error(int line, string message) => new($"line {line}: {message}");

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex GoFloat();
}
