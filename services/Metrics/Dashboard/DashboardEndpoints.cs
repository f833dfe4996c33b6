using System.Reflection;
using System.Text.Json;

namespace Platform.Metrics.Dashboard;

/// <summary>
/// The dashboard on the <c>http</c> endpoint: a self-contained page (HTML, CSS and JavaScript embedded
/// in this assembly, no CDN) at <c>/dashboard/</c> that polls <c>/api/dashboard?window=hour|day|week|month</c>.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddSingleton<DashboardData>();

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/dashboard/"));
        // Routing treats /dashboard and /dashboard/ alike; the page links its assets by absolute path.
        app.MapGet("/dashboard", () => Asset("index.html"));
        app.MapGet("/dashboard/{file}", (string file) => Asset(file));
        app.MapGet("/api/dashboard", async (DashboardData data, string? window, CancellationToken cancellationToken) =>
        {
            window ??= "day";
            if (!DashboardData.IsKnownWindow(window))
                return Results.BadRequest(new { error = "window must be hour, day, week or month" });
            return Results.Json(await data.GetAsync(window, cancellationToken), Json);
        });
        return app;
    }

    private static IResult Asset(string file)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("dashboard/" + file);
        if (stream is null || !ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType))
            return Results.NotFound();
        return Results.Stream(stream, contentType);
    }
}
