using System.Buffers.Text;
using System.Text;
using Platform.Agents.Domain;
using Platform.Agents.Tasks;
using Platform.Agents.V1;

namespace Platform.Agents.Grpc;

/// <summary>List requests of the contract as the engine's filters and page positions.</summary>
internal static class ListMapping
{
    public const int DefaultTypePageSize = 100;

    public static TaskListFilter Filter(ListTasksRequest request) => new(
        request.AgentId,
        request.States.ToArray(),
        request.Outcomes.ToArray(),
        request.AgentType,
        request.CreateTimeRange?.StartTime?.ToDateTime(),
        request.CreateTimeRange?.EndTime?.ToDateTime());

    public static int TypePageSize(int pageSize) => pageSize switch
    {
        < 0 => throw AgentsException.Invalid("page_size", "page_size must not be negative."),
        0 => DefaultTypePageSize,
        _ => Math.Min(pageSize, TaskQueries.MaxPageSize),
    };

    public static string EncodeTypeToken(string lastName) =>
        lastName.Length == 0 ? "" : Base64Url.EncodeToString(Encoding.UTF8.GetBytes("t1|" + lastName));

    public static string DecodeTypeToken(string token)
    {
        if (token.Length == 0)
            return "";
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith("t1|", StringComparison.Ordinal) && text.Length > 3)
                return text[3..];
        }
        catch (FormatException)
        {
        }
        throw AgentsException.Invalid("page_token", "page_token is not a token this service issued.");
    }
}
