using Platform.Budget.Domain;
using Platform.Redis;

namespace Platform.Budget.Accounting;

/// <summary>Reads the scripts' array replies into domain results, and their error codes into domain errors.</summary>
internal static class ScriptReplies
{
    private const int Reservation = 1;
    private const int Denied = 0;
    private const int Error = -1;
    private const int WrongWindow = -2;

    public static bool IsWrongWindow(RedisResult reply, out long hour)
    {
        hour = 0;
        if ((long)reply[0] != WrongWindow)
        {
            return false;
        }

        hour = (long)reply[1];
        return true;
    }

    public static ReserveResult ReadReserve(RedisResult reply, ReserveCommand command)
    {
        return (long)reply[0] switch
        {
            Reservation => new ReserveResult(ReadReservation(reply, command.AgentId), null),
            Denied => new ReserveResult(null, ReadDenial(reply)),
            _ => throw ToError(reply, command.AgentId, command.IdempotencyKey),
        };
    }

    /// <param name="subject">What an error message names: the agent (Reserve) or the reservation (Extend).</param>
    public static Reservation ReadReservation(RedisResult reply, string subject)
    {
        ThrowIfError(reply, subject);
        var loanCount = (int)(long)reply[14];
        var loans = loanCount == 0 ? Array.Empty<Loan>() : new Loan[loanCount];
        for (var i = 0; i < loanCount; i++)
        {
            var at = 15 + (i * 4);
            loans[i] = new Loan((string)reply[at]!, (Tier)(long)reply[at + 1], (long)reply[at + 2], (long)reply[at + 3]);
        }

        var remainingTokens = (long)reply[9];
        var remainingCost = (long)reply[10];
        return new Reservation(
            ReservationId: (string)reply[1]!,
            AgentId: (string)reply[13]!,
            Tier: (Tier)(long)reply[2],
            ReservedTokens: (long)reply[3],
            ReservedCostMicros: (long)reply[4],
            EstimatedOutputTokens: (long)reply[5],
            OutputEstimate: (OutputEstimate)(long)reply[6],
            Loans: loans,
            ExpireTime: DateTimeOffset.FromUnixTimeMilliseconds((long)reply[7]),
            CreateTime: DateTimeOffset.FromUnixTimeMilliseconds((long)reply[8]),
            State: (ReservationState)(long)reply[11],
            Model: (string?)reply[12] ?? string.Empty,
            RemainingTokens: remainingTokens < 0 ? null : remainingTokens,
            RemainingCostMicros: remainingCost < 0 ? null : remainingCost);
    }

    public static CommitResult ReadCommit(RedisResult reply, string reservationId)
    {
        ThrowIfError(reply, reservationId, commit: true);
        return new CommitResult(
            (long)reply[0], (long)reply[1], (long)reply[2], (long)reply[3], (long)reply[4], (long)reply[5],
            (long)reply[6] == 1, (long)reply[7] == 1);
    }

    public static ReleaseResult ReadRelease(RedisResult reply, string reservationId)
    {
        ThrowIfError(reply, reservationId);
        return new ReleaseResult((long)reply[0], (long)reply[1], (long)reply[2] == 1);
    }

    private static Denial ReadDenial(RedisResult reply)
    {
        var retryMs = (long)reply[2];
        return new Denial(
            Reason: (DenialReason)(long)reply[1],
            RetryAfter: retryMs < 0 ? null : TimeSpan.FromMilliseconds(retryMs),
            Message: (string?)reply[7] ?? string.Empty,
            RequestedTokens: (long)reply[3],
            AvailableTokens: Math.Max(0, (long)reply[4]),
            RequestedCostMicros: (long)reply[5],
            AvailableCostMicros: Math.Max(0, (long)reply[6]));
    }

    private static void ThrowIfError(RedisResult reply, string subject, bool commit = false)
    {
        // Error replies are { -1, code, detail }; a successful reply never starts with a negative number.
        if (reply.Length == 3 && reply[0].Type == RedisResultType.Integer && (long)reply[0] == Error)
        {
            throw ToError(reply, subject, string.Empty, commit);
        }
    }

    private static BudgetException ToError(RedisResult reply, string subject, string idempotencyKey, bool commit = false)
    {
        var code = (string?)reply[1];
        var detail = (string?)reply[2] ?? string.Empty;
        return code switch
        {
            "AGENT_NOT_FOUND" => BudgetErrors.AgentNotFound(subject),
            "AGENT_RETIRED" => BudgetErrors.AgentRetired(subject),
            "TIER_OVERRIDE_ABOVE_AGENT" => BudgetErrors.Invalid(
                $"tier_override may only lower the priority of agent '{subject}' (its tier is {TierName(detail)}); priority can never be raised."),
            "PRICE_REQUIRED" => BudgetErrors.Invalid(
                $"price is required: agent '{subject}' or the fleet has a USD limit, so the hold needs the model's input and output price."),
            "IDEMPOTENCY_KEY_REUSED" => BudgetErrors.IdempotencyKeyReused(idempotencyKey, "Reserve request"),
            "RESERVATION_NOT_FOUND" => BudgetErrors.ReservationNotFound(subject),
            "ALREADY_COMMITTED" when commit => new BudgetException(BudgetErrorKind.FailedPrecondition,
                $"Reservation '{subject}' was already committed with {detail}; a reservation settles once, and a repeat must carry the same usage.",
                "RESERVATION_COMMITTED"),
            "ALREADY_COMMITTED" => new BudgetException(BudgetErrorKind.FailedPrecondition,
                $"Reservation '{subject}' was already committed; a committed reservation cannot be released.", "RESERVATION_COMMITTED"),
            "ALREADY_RELEASED" => new BudgetException(BudgetErrorKind.FailedPrecondition,
                $"Reservation '{subject}' was released; its budget is back and nothing can be committed against it. Reserve again for a new call.",
                "RESERVATION_RELEASED"),
            "NOT_ACTIVE" => new BudgetException(BudgetErrorKind.FailedPrecondition,
                $"Reservation '{subject}' is {StateName(detail)}, not ACTIVE; only an active reservation can be extended.", "RESERVATION_NOT_ACTIVE"),
            _ => new BudgetException(BudgetErrorKind.Unavailable, $"The budget script answered an unknown code '{code}' ({detail})."),
        };
    }

    private static string TierName(string value) => long.TryParse(value, out var tier) ? ((Tier)tier).ToString().ToUpperInvariant() : value;

    private static string StateName(string value) =>
        long.TryParse(value, out var state) ? ((ReservationState)state).ToString().ToUpperInvariant() : value;
}
