using System.Diagnostics.Metrics;

namespace Platform.Prometheus.Collection;

/// <summary>How an instrument's measurements aggregate, and which Prometheus type they become.</summary>
internal enum InstrumentKind
{
    /// <summary>Counter: increments added up; Prometheus counter.</summary>
    Counter,

    /// <summary>UpDownCounter: signed increments added up; Prometheus gauge.</summary>
    UpDownCounter,

    /// <summary>Gauge: the last value recorded; Prometheus gauge.</summary>
    Gauge,

    /// <summary>ObservableCounter: callbacks report the running total; Prometheus counter.</summary>
    ObservableCounter,

    /// <summary>ObservableGauge and ObservableUpDownCounter: callbacks report the current value; Prometheus gauge.</summary>
    ObservableGauge,

    Histogram,
}

internal static class InstrumentKinds
{
    public static InstrumentKind? Of(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Counter<>)) return InstrumentKind.Counter;
        if (definition == typeof(UpDownCounter<>)) return InstrumentKind.UpDownCounter;
        if (definition == typeof(Gauge<>)) return InstrumentKind.Gauge;
        if (definition == typeof(Histogram<>)) return InstrumentKind.Histogram;
        if (definition == typeof(ObservableCounter<>)) return InstrumentKind.ObservableCounter;
        if (definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>)) return InstrumentKind.ObservableGauge;
        return null;
    }

    public static bool IsObservable(this InstrumentKind kind) =>
        kind is InstrumentKind.ObservableCounter or InstrumentKind.ObservableGauge;

    public static bool IsCounter(this InstrumentKind kind) =>
        kind is InstrumentKind.Counter or InstrumentKind.ObservableCounter;
}
