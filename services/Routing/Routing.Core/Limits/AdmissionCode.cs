namespace Platform.Routing.Limits;

/// <summary>The admission script's verdict.</summary>
public enum AdmissionCode
{
    Admitted = 0,
    BreakerOpen = 1,
    ConcurrencyFull = 2,
    RpmLimit = 3,
    TpmLimit = 4,
}
