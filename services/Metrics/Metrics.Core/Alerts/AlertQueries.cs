using Platform.Metrics.Reports;
using Platform.Metrics.V1;

namespace Platform.Metrics.Alerts;

public sealed record AlertListRequest(
    IReadOnlyCollection<AlertState> States, IReadOnlyCollection<AlertKind> Kinds, TimeWindow? ActiveIn, int PageSize, string PageToken);

public sealed record AlertPage(IReadOnlyList<Alert> Alerts, string NextPageToken);

/// <summary>Lists alert occurrences, newest first, a page at a time.</summary>
public sealed class AlertQueries(AlertStore store)
{
    private const int DefaultPageSize = 50;

    public async Task<AlertPage> ListAsync(AlertListRequest request, CancellationToken cancellationToken)
    {
        var pageSize = PageToken.ResolvePageSize(request.PageSize, DefaultPageSize);
        var fingerprint = PageToken.Fingerprint(
            request.States.Select(s => ((int)s).ToString()).Order(),
            request.Kinds.Select(k => ((int)k).ToString()).Order(),
            [request.ActiveIn?.Start.Ticks.ToString(), request.ActiveIn?.End.Ticks.ToString()]);
        var offset = PageToken.Decode(request.PageToken, fingerprint);

        // One more than asked, to know whether there is a next page.
        var alerts = await store.ListAsync(request.States, request.Kinds,
            request.ActiveIn is { } range ? (range.Start, range.End) : null, offset, pageSize + 1, cancellationToken);
        var next = alerts.Count > pageSize ? PageToken.Encode(offset + pageSize, fingerprint) : "";
        return new AlertPage(alerts.Take(pageSize).ToList(), next);
    }
}
