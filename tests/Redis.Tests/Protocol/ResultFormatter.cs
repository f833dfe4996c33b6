using System.Text;

namespace Platform.Redis.Tests.Protocol;

/// <summary>Renders a <see cref="RedisResult"/> tree as compact text so tests can compare whole replies.</summary>
internal static class ResultFormatter
{
    public static string Format(RedisResult result)
    {
        var text = new StringBuilder();
        Append(text, result);
        return text.ToString();
    }

    private static void Append(StringBuilder text, RedisResult result)
    {
        switch (result.Type)
        {
            case RedisResultType.Null:
                text.Append("nil");
                break;
            case RedisResultType.Error:
                text.Append("(error ").Append(result.ToString()).Append(')');
                break;
            case RedisResultType.Array or RedisResultType.Map or RedisResultType.Set or RedisResultType.Push:
                text.Append(result.Type switch
                {
                    RedisResultType.Map => "%[",
                    RedisResultType.Set => "~[",
                    RedisResultType.Push => ">[",
                    _ => "[",
                });
                for (var i = 0; i < result.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Append(text, result[i]);
                }

                text.Append(']');
                break;
            case RedisResultType.Integer:
                text.Append((long)result);
                break;
            default:
                text.Append('"').Append((string?)result).Append('"');
                break;
        }
    }
}
