using System.IO.Pipelines;
using Platform.Redis.Commands;
using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis.Connection;

/// <summary>
/// What every new connection sends before it carries callers' commands: AUTH, SELECT and CLIENT
/// SETNAME, pipelined in one write. Runs again after each reconnection.
/// </summary>
internal static class Handshake
{
    public static async Task RunAsync(PipeReader input, PipeWriter output, RedisConnectionOptions options, CancellationToken cancellationToken)
    {
        var commands = Build(options);
        if (commands.Count == 0)
        {
            return;
        }

        foreach (var command in commands)
        {
            command.WriteTo(output);
        }

        await output.FlushAsync(cancellationToken);

        var next = 0;
        while (next < commands.Count)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (next < commands.Count && RespScanner.TryFindFrameEnd(buffer, out var end))
            {
                commands[next++].OnFrame(buffer.Slice(0, end), completions: null);
                buffer = buffer.Slice(end);
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted && next < commands.Count)
            {
                throw new RedisConnectionException("The server closed the connection during the handshake.");
            }
        }

        foreach (var command in commands)
        {
            await command.AsValueTask(); // throws the server's error (WRONGPASS, NOAUTH, invalid DB index...)
        }
    }

    private static List<Command<bool>> Build(RedisConnectionOptions options)
    {
        var commands = new List<Command<bool>>(3);
        if (options.Password is not null)
        {
            commands.Add(options.User is null
                ? new Command<bool>(CommandNames.Auth, OkParser.Instance, options.Password)
                : new Command<bool>(CommandNames.Auth, OkParser.Instance, options.User, options.Password));
        }

        if (options.DefaultDatabase != 0)
        {
            commands.Add(new Command<bool>(CommandNames.Select, OkParser.Instance, options.DefaultDatabase));
        }

        if (!string.IsNullOrEmpty(options.ClientName))
        {
            commands.Add(new Command<bool>(CommandNames.Client, OkParser.Instance, "SETNAME", options.ClientName));
        }

        return commands;
    }
}
