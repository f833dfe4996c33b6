using System.Security.Cryptography;

namespace Platform.Hosting.ApplicationModel;

/// <summary>What a parameter holds when nobody configured it.</summary>
public abstract class ParameterDefault
{
    public abstract string GetDefaultValue();
}

/// <summary>A fixed default (for example an empty API key, so the platform starts without one).</summary>
public sealed class ConstantParameterDefault(string value) : ParameterDefault
{
    public string Value { get; } = value;

    public override string GetDefaultValue() => Value;
}

/// <summary>A random value, generated once; mirrors the manifest's <c>default.generate</c> options.</summary>
public sealed class GenerateParameterDefault : ParameterDefault
{
    private const string LowerChars = "abcdefghijklmnopqrstuvwxyz";
    private const string UpperChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string NumericChars = "0123456789";

    // Characters that survive connection strings, shell words and YAML unquoted; ';' ',' '=' '\'' '"' are left out.
    private const string SpecialChars = "-_.~!@#%^*+";

    public int MinLength { get; init; } = 22;

    public bool Lower { get; init; } = true;

    public bool Upper { get; init; } = true;

    public bool Numeric { get; init; } = true;

    public bool Special { get; init; } = true;

    public override string GetDefaultValue()
    {
        var alphabet = (Lower ? LowerChars : "") + (Upper ? UpperChars : "") + (Numeric ? NumericChars : "") + (Special ? SpecialChars : "");
        if (alphabet.Length == 0)
        {
            throw new InvalidOperationException("A generated parameter needs at least one character class.");
        }

        return RandomNumberGenerator.GetString(alphabet, Math.Max(MinLength, 1));
    }
}
