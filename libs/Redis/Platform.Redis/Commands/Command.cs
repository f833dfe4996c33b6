using System.Buffers;
using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis.Commands;

/// <summary>An ordinary single-reply command: a name, its arguments and the parser for its reply.</summary>
internal sealed class Command<T> : PendingCommand<T>
{
    private readonly RedisValue[] _arguments;
    private readonly ReplyParser<T> _parser;

    public Command(CommandName name, ReplyParser<T> parser, params RedisValue[] arguments) : base(name)
    {
        _parser = parser;
        _arguments = arguments;
    }

    public override void WriteTo(IBufferWriter<byte> output) => RespCommandWriter.Write(output, Name, _arguments);

    protected override T Parse(ref RespReader reader, in RespToken token) => _parser.Parse(ref reader, token);
}
