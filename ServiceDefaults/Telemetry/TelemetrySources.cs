namespace Platform.ServiceDefaults.Telemetry;

/// <summary>The activity sources and meters a platform process emits, exported over OTLP.</summary>
public static class TelemetrySources
{
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Platform.Grpc.Server",
        "Platform.Grpc.Client",
        "Platform.Redis",
        "Npgsql",
        "Platform.*",
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "System.Net.Http",
        "System.Runtime",
        "Platform.Grpc.Server",
        "Platform.Grpc.Client",
        "Platform.Redis",
        "Npgsql",
        "Platform.*",
    ];
}
