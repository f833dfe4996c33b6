using System.Runtime.CompilerServices;
using System.Text;

namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// A string made of literal text and <see cref="ValueReference"/>s, resolved late by whichever back end runs:
/// <c>ReferenceExpression.Create($"{host}:{port},password={password}")</c>.
/// </summary>
public sealed class ReferenceExpression
{
    private ReferenceExpression(IReadOnlyList<object> parts) => Parts = parts;

    /// <summary>Each part is either a literal <see cref="string"/> or a <see cref="ValueReference"/>.</summary>
    public IReadOnlyList<object> Parts { get; }

    public IEnumerable<ValueReference> References => Parts.OfType<ValueReference>();

    public static ReferenceExpression Create(ref ExpressionInterpolatedStringHandler handler) => new(handler.ToParts());

    public static ReferenceExpression Literal(string value) => new([value]);

    public static ReferenceExpression Of(ValueReference reference) => new([reference]);

    public string Resolve(Func<ValueReference, string> resolveReference, Func<string, string>? escapeLiteral = null)
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part switch
            {
                ValueReference reference => resolveReference(reference),
                string literal => escapeLiteral is null ? literal : escapeLiteral(literal),
                _ => throw new InvalidOperationException($"Unexpected expression part {part.GetType()}."),
            });
        }

        return text.ToString();
    }

    [InterpolatedStringHandler]
    public ref struct ExpressionInterpolatedStringHandler
    {
        private readonly List<object> _parts;

        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount) =>
            _parts = new List<object>(formattedCount + (literalLength > 0 ? formattedCount + 1 : 0));

        public readonly void AppendLiteral(string value) => _parts.Add(value);

        public readonly void AppendFormatted(string? value) => _parts.Add(value ?? string.Empty);

        public readonly void AppendFormatted(int value) => _parts.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public readonly void AppendFormatted(ValueReference value) => _parts.Add(value);

        public readonly void AppendFormatted(ParameterResource value) => _parts.Add(new ParameterReference(value));

        public readonly void AppendFormatted(ReferenceExpression value) => _parts.AddRange(value.Parts);

        internal readonly IReadOnlyList<object> ToParts() => _parts.ToArray();
    }
}
