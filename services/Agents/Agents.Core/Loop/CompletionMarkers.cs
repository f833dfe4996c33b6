namespace Platform.Agents.Loop;

/// <summary>Finds a completion marker in a model reply and returns the reply without it (the task's result).</summary>
public static class CompletionMarkers
{
    public static bool TryComplete(string reply, IReadOnlyList<string> markers, out string result)
    {
        var found = false;
        result = reply;
        foreach (var marker in markers)
        {
            if (result.Contains(marker, StringComparison.Ordinal))
            {
                found = true;
                result = result.Replace(marker, "", StringComparison.Ordinal);
            }
        }
        result = found ? result.Trim() : reply;
        return found;
    }
}
