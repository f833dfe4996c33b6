using System.Text;

namespace Platform.Redis.Protocol;

/// <summary>A command name with its RESP bulk-string encoding computed once.</summary>
internal sealed class CommandName
{
    public CommandName(string name)
    {
        Name = name.ToUpperInvariant();
        var bytes = Encoding.UTF8.GetBytes(Name);
        Encoded = Encoding.ASCII.GetBytes($"${bytes.Length}\r\n").Concat(bytes).Concat("\r\n"u8.ToArray()).ToArray();
    }

    /// <summary>Upper-case name, also used as the telemetry operation name.</summary>
    public string Name { get; }

    public byte[] Encoded { get; }

    public override string ToString() => Name;
}
