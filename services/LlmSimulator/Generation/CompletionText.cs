using System.Buffers;

namespace Platform.LlmSimulator.Generation;

/// <summary>
/// A completion as a sequence of tokens (each a slice of a vocabulary word, the prompt or a fixed
/// phrase), held in a pooled array. One token = one streamed chunk = one completion token in usage.
/// </summary>
public sealed class CompletionText : IDisposable
{
    private ReadOnlyMemory<char>[] _tokens;

    public CompletionText(int capacity)
    {
        _tokens = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(Math.Max(capacity, 4));
    }

    public int Count { get; private set; }

    public string FinishReason { get; private set; } = "stop";

    public ReadOnlyMemory<char> this[int index] => _tokens[index];

    public void Add(ReadOnlyMemory<char> token)
    {
        if (token.IsEmpty)
        {
            return;
        }
        if (Count == _tokens.Length)
        {
            var larger = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(_tokens.Length * 2);
            Array.Copy(_tokens, larger, Count);
            Return();
            _tokens = larger;
        }
        _tokens[Count++] = token;
    }

    public void Add(string token) => Add(token.AsMemory());

    /// <summary>Cuts the text at <paramref name="maxTokens"/>, as a provider does when max_tokens is reached.</summary>
    public void Truncate(int? maxTokens)
    {
        if (maxTokens is { } max && Count > max)
        {
            Count = max;
            FinishReason = "length";
        }
    }

    public int MaxTokenLength()
    {
        var max = 0;
        for (var i = 0; i < Count; i++)
        {
            max = Math.Max(max, _tokens[i].Length);
        }
        return max;
    }

    public string ToContent()
    {
        var length = 0;
        for (var i = 0; i < Count; i++)
        {
            length += _tokens[i].Length;
        }
        return string.Create(length, this, static (span, text) =>
        {
            for (var i = 0; i < text.Count; i++)
            {
                var token = text._tokens[i].Span;
                token.CopyTo(span);
                span = span[token.Length..];
            }
        });
    }

    public void Dispose()
    {
        Return();
        _tokens = [];
        Count = 0;
    }

    private void Return()
    {
        if (_tokens.Length > 0)
        {
            // Cleared so pooled arrays do not keep prompts alive.
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(_tokens, clearArray: true);
        }
    }
}
