using System.Globalization;
using System.Net.Http.Headers;

namespace Platform.Routing.Upstream;

/// <summary>Reads a provider's wait hint: <c>retry-after-ms</c> (OpenAI), else <c>Retry-After</c> in seconds or as a date.</summary>
public static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("retry-after-ms", out var msValues) &&
            double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            return TimeSpan.FromMilliseconds(ms);
        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
                return delta;
            if (retryAfter.Date is { } date)
                return date > now ? date - now : TimeSpan.Zero;
        }
        return null;
    }
}
