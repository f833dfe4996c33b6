using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Platform.LlmSimulator.Hosting;

/// <summary>Listens on http://127.0.0.1:5199 unless --urls, ASPNETCORE_URLS, HTTP_PORTS or Kestrel:Endpoints say otherwise.</summary>
public static class ListenAddress
{
    public const string Default = "http://127.0.0.1:5199";

    public static void ApplyDefault(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrEmpty(configuration["urls"])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(Default);
        }
    }
}
