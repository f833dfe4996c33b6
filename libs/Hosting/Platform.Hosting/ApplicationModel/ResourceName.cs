using System.Text.RegularExpressions;

namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// Names become DNS labels, environment-variable segments and manifest keys, so they follow the
/// strictest of those: lowercase letters, digits and dashes, starting with a letter.
/// </summary>
internal static partial class ResourceName
{
    public static string Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 63 || !ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Resource name '{name}' must be 1-63 lowercase letters, digits or dashes, start with a letter and not end with a dash.",
                nameof(name));
        }

        return name;
    }

    [GeneratedRegex("^[a-z]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex ValidName();
}
