namespace Platform.Routing.Limits;

/// <summary>An attempt's admission: its lease (to hand back in <see cref="SharedLimits.CompleteAsync"/>) or why it was refused.</summary>
public sealed record Admission(AdmissionCode Code, TimeSpan RetryAfter, string LeaseId, bool IsProbe, long Bucket, long EstimatedTokens)
{
    public bool Admitted => Code == AdmissionCode.Admitted;
}
