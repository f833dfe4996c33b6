namespace Platform.Budget.Accounting;

/// <summary>Price of a model in micro-dollars per million tokens.</summary>
public readonly record struct ModelPrice(long InputMicrosPerMTok, long OutputMicrosPerMTok);
