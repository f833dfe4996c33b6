using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.Agents.Domain;

namespace Platform.Agents.Tasks;

/// <summary>
/// Opaque ListTasks page tokens: the position (create time and id of the last task returned) plus a hash
/// of the filters, so a token used with other filters, or garbled, is INVALID_ARGUMENT.
/// </summary>
public static class TaskPageTokens
{
    public static string Encode(TaskListFilter filter, DateTime createTime, string taskId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1|{FilterHash(filter)}|{createTime.Ticks.ToString(CultureInfo.InvariantCulture)}|{taskId}"));

    public static (DateTime CreateTime, string TaskId)? Decode(TaskListFilter filter, string token)
    {
        if (token.Length == 0)
            return null;
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|', 4);
        }
        catch (FormatException)
        {
            throw AgentsException.Invalid("page_token", "page_token is not a token this service issued.");
        }
        if (parts.Length != 4 || parts[0] != "v1" || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
            throw AgentsException.Invalid("page_token", "page_token is not a token this service issued.");
        if (parts[1] != FilterHash(filter))
            throw AgentsException.Invalid("page_token", "page_token was issued for different filters; filters must not change between pages.");
        return (new DateTime(ticks, DateTimeKind.Utc), parts[3]);
    }

    private static string FilterHash(TaskListFilter filter)
    {
        var canonical = string.Join('\u0001', filter.AgentId, filter.AgentType,
            string.Join(',', filter.States.Select(s => (int)s).Order()), string.Join(',', filter.Outcomes.Select(o => (int)o).Order()),
            filter.CreatedFrom?.Ticks, filter.CreatedBefore?.Ticks);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }
}
