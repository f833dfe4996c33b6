using System.Buffers;
using Platform.Redis.Protocol;

namespace Platform.Redis.Commands;

/// <summary>
/// MULTI, the queued commands and EXEC, written as one unit so no other caller's command can land in
/// between on the shared connection. Reads 2 + n reply frames: MULTI's OK, a QUEUED (or error) per
/// command, then EXEC's array whose elements complete the inner commands.
/// </summary>
internal sealed class TransactionCommand : PendingCommand<bool>
{
    private readonly IReadOnlyList<PendingCommand> _commands;
    private readonly RedisServerException?[] _queueErrors;
    private int _framesSeen;

    public TransactionCommand(IReadOnlyList<PendingCommand> commands) : base(CommandNames.Exec)
    {
        _commands = commands;
        _queueErrors = new RedisServerException?[commands.Count];
    }

    public override bool ExpectsSeveralFrames => true;

    public override void WriteTo(IBufferWriter<byte> output)
    {
        RespCommandWriter.Write(output, CommandNames.Multi, []);
        foreach (var command in _commands)
        {
            command.WriteTo(output);
        }

        RespCommandWriter.Write(output, CommandNames.Exec, []);
    }

    public override bool OnFrame(in ReadOnlySequence<byte> frame, CompletionBatch? completions)
    {
        var index = _framesSeen++;
        var reader = new RespReader(frame);
        var token = reader.Read();
        if (index == 0)
        {
            if (token.IsError)
            {
                TryFail(token.ToServerException(), completions);
            }

            return false;
        }

        if (index <= _commands.Count)
        {
            if (token.IsError)
            {
                _queueErrors[index - 1] = token.ToServerException();
            }

            return false;
        }

        CompleteFromExec(ref reader, token, completions);
        return true;
    }

    protected override bool Parse(ref RespReader reader, in RespToken token) =>
        throw new InvalidOperationException("Transactions read their replies frame by frame.");

    protected override void OnCompleted(Exception? error, CompletionBatch? completions)
    {
        if (error is null)
        {
            return;
        }

        for (var i = 0; i < _commands.Count; i++)
        {
            _commands[i].TryFail(_queueErrors[i] ?? error);
        }
    }

    private void CompleteFromExec(ref RespReader reader, in RespToken token, CompletionBatch? completions)
    {
        if (token.IsError)
        {
            TryFail(token.ToServerException(), completions); // EXECABORT: inner commands get their own queueing errors
            return;
        }

        if (token.IsNull)
        {
            // A WATCHed key changed: nothing ran.
            foreach (var command in _commands)
            {
                command.TryFail(new OperationCanceledException("The transaction was aborted; the command did not run."));
            }

            TrySetResult(false, completions);
            return;
        }

        for (var i = 0; i < _commands.Count && i < token.Count; i++)
        {
            _commands[i].OnFrame(reader.ReadRawValue(), completions);
        }

        TrySetResult(true, completions);
    }
}
