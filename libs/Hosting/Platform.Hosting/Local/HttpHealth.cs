using System.Net;

namespace Platform.Hosting.Local;

internal static class HttpHealth
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        UseProxy = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<bool> IsHealthyAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(url, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK
            ? true
            : throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}.");
    }
}
