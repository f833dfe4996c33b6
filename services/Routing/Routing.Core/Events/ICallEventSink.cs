namespace Platform.Routing.Events;

/// <summary>Receives every finished call; publishing is asynchronous and never delays the caller.</summary>
public interface ICallEventSink
{
    void Publish(CallRecord record);
}
