namespace Platform.Budget.Events;

/// <summary>A watcher read events more slowly than they happened and was disconnected; it may resume from its last event id.</summary>
public sealed class SubscriberTooSlowException()
    : Exception("The watcher fell behind the event rate and was disconnected; resume with start_after_event_id set to the last event received.");
