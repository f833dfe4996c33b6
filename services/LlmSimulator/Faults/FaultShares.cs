using Platform.LlmSimulator.Configuration;
using Platform.LlmSimulator.Hashing;

namespace Platform.LlmSimulator.Faults;

/// <summary>Validated, immutable fault shares of one model.</summary>
public sealed class FaultShares
{
    public const double DefaultRetryAfterSeconds = 1;
    public const double DefaultHangSeconds = 120;
    private static readonly int[] DefaultCodes = [500, 502, 503];

    private FaultShares(double rateLimited, double serverError, double hang, double drop,
        double retryAfterSeconds, double hangSeconds, int[] codes, long seed)
    {
        RateLimited = rateLimited;
        ServerError = serverError;
        Hang = hang;
        DropConnection = drop;
        RetryAfterSeconds = retryAfterSeconds;
        HangSeconds = hangSeconds;
        ServerErrorCodes = codes;
        Seed = seed;
    }

    public double RateLimited { get; }
    public double ServerError { get; }
    public double Hang { get; }
    public double DropConnection { get; }
    public double RetryAfterSeconds { get; }
    public double HangSeconds { get; }
    public IReadOnlyList<int> ServerErrorCodes { get; }
    public long Seed { get; }

    public bool IsNone => RateLimited + ServerError + Hang + DropConnection <= 0;

    public static FaultShares None(string model) => Create(null, model);

    /// <summary>The default seed: stable per model name, different between models.</summary>
    public static long DefaultSeed(string model) => (long)(StableHash.Of(model) & long.MaxValue);

    public static FaultShares Create(FaultOptions? options, string model)
    {
        var error = Validate(options);
        if (error is not null)
        {
            throw new ArgumentException($"Faults of model '{model}': {error}");
        }
        return new FaultShares(
            options?.RateLimited ?? 0,
            options?.ServerError ?? 0,
            options?.Hang ?? 0,
            options?.DropConnection ?? 0,
            options?.RetryAfterSeconds ?? DefaultRetryAfterSeconds,
            options?.HangSeconds ?? DefaultHangSeconds,
            options?.ServerErrorCodes is { Length: > 0 } codes ? (int[])codes.Clone() : DefaultCodes,
            options?.Seed ?? DefaultSeed(model));
    }

    /// <summary>Returns why the options are unusable, or null when they are fine.</summary>
    public static string? Validate(FaultOptions? options)
    {
        if (options is null)
        {
            return null;
        }
        double sum = 0;
        foreach (var (name, share) in new[]
                 {
                     ("rate_limited", options.RateLimited), ("server_error", options.ServerError),
                     ("hang", options.Hang), ("drop_connection", options.DropConnection),
                 })
        {
            if (share is < 0 or > 1 || double.IsNaN(share ?? 0))
            {
                return $"{name} must be a share between 0 and 1.";
            }
            sum += share ?? 0;
        }
        if (sum > 1 + 1e-9)
        {
            return "the shares add up to more than 1.";
        }
        if (options.RetryAfterSeconds is < 0)
        {
            return "retry_after_seconds must not be negative.";
        }
        if (options.HangSeconds is < 0)
        {
            return "hang_seconds must not be negative.";
        }
        foreach (var code in options.ServerErrorCodes ?? [])
        {
            if (code is < 500 or > 599)
            {
                return $"server_error_codes must be 5xx codes ({code} is not).";
            }
        }
        return null;
    }

    public FaultOptions ToOptions() => new()
    {
        RateLimited = RateLimited,
        RetryAfterSeconds = RetryAfterSeconds,
        ServerError = ServerError,
        ServerErrorCodes = [.. ServerErrorCodes],
        Hang = Hang,
        HangSeconds = HangSeconds,
        DropConnection = DropConnection,
        Seed = Seed,
    };
}
