using System.Diagnostics;
using Platform.Redis.Connection;

namespace Platform.Redis.Telemetry;

/// <summary>
/// Per-command span and metrics. A plain struct inside each command: when no listener is attached
/// it holds nothing and costs two flag checks.
/// </summary>
internal struct CommandTelemetry
{
    private Activity? _activity;
    private long _startTimestamp;

    public void Start(string operation, EndpointInfo endpoint)
    {
        if (RedisInstrumentation.Source.HasListeners())
        {
            // The span must not become Activity.Current for the caller: it ends on the reader loop.
            var callerActivity = Activity.Current;
            _activity = RedisInstrumentation.Source.StartActivity(operation, ActivityKind.Client);
            Activity.Current = callerActivity;
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag("db.system", "redis");
                _activity.SetTag("db.system.name", "redis");
                _activity.SetTag("db.operation", operation);
                _activity.SetTag("db.operation.name", operation);
                _activity.SetTag("db.redis.database_index", endpoint.Database);
                _activity.SetTag("server.address", endpoint.Host);
                _activity.SetTag("server.port", endpoint.Port);
            }
        }

        if (RedisInstrumentation.MetricsEnabled)
        {
            _startTimestamp = Stopwatch.GetTimestamp();
        }
    }

    public readonly void Stop(string operation, Exception? error)
    {
        if (_activity is not null)
        {
            if (error is not null)
            {
                _activity.SetStatus(ActivityStatusCode.Error, error.Message);
                _activity.SetTag("error.type", ErrorType(error));
            }

            var current = Activity.Current;
            _activity.Stop();
            Activity.Current = current;
        }

        if (_startTimestamp != 0)
        {
            var tags = new TagList { { "db.operation.name", operation } };
            RedisInstrumentation.Duration.Record(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, tags);
            RedisInstrumentation.Commands.Add(1, tags);
            if (error is not null)
            {
                tags.Add("error.type", ErrorType(error));
                RedisInstrumentation.Errors.Add(1, tags);
            }
        }
    }

    private static string ErrorType(Exception error) => error switch
    {
        RedisServerException server => server.ErrorPrefix,
        _ => error.GetType().Name,
    };
}
