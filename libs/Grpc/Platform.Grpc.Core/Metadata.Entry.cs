using System.Text;

namespace Grpc.Core;

public sealed partial class Metadata
{
    /// <summary>One header or trailer. The key is lower-cased and restricted to the characters HTTP/2 allows in gRPC keys.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        public Entry(string key, string value)
        {
            Key = NormalizeKey(key);
            if (IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{Key}' ends with '{BinaryHeaderSuffix}' and needs a byte[] value.", nameof(key));
            }

            _value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public Entry(string key, byte[] valueBytes)
        {
            Key = NormalizeKey(key);
            if (!IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{Key}' must end with '{BinaryHeaderSuffix}' to carry a byte[] value.", nameof(key));
            }

            ArgumentNullException.ThrowIfNull(valueBytes);
            _valueBytes = (byte[])valueBytes.Clone();
        }

        public string Key { get; }

        public bool IsBinary => _valueBytes is not null;

        /// <summary>The string value; throws for binary entries.</summary>
        public string Value => _value ?? throw new InvalidOperationException($"Entry '{Key}' is binary; use {nameof(ValueBytes)}.");

        /// <summary>A copy of the value bytes (UTF-8 of the string for non-binary entries).</summary>
        public byte[] ValueBytes => _valueBytes is not null
            ? (byte[])_valueBytes.Clone()
            : Encoding.ASCII.GetBytes(_value!);

        /// <summary>The stored bytes without a defensive copy, for the transports.</summary>
        internal byte[]? ValueBytesUnsafe => _valueBytes;

        public override string ToString() => IsBinary
            ? $"[Entry: key={Key}, valueBytes=({_valueBytes!.Length} bytes)]"
            : $"[Entry: key={Key}, value={_value}]";

        internal static bool IsBinaryKey(string key) =>
            key.EndsWith(BinaryHeaderSuffix, StringComparison.OrdinalIgnoreCase);

        internal static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var needsLowering = false;
            foreach (var c in key)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    needsLowering = true;
                }
                else if (!IsLegalLowerKeyChar(c))
                {
                    throw new ArgumentException($"Metadata key '{key}' contains illegal character '{c}'; allowed are a-z, 0-9, '-', '_' and '.'.", nameof(key));
                }
            }

            return needsLowering ? key.ToLowerInvariant() : key;
        }

        private static bool IsLegalLowerKeyChar(char c) =>
            c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.';
    }
}
