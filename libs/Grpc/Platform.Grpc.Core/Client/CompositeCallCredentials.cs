namespace Grpc.Core;

internal sealed class CompositeCallCredentials : CallCredentials
{
    private readonly IReadOnlyList<CallCredentials> _credentials;

    public CompositeCallCredentials(CallCredentials[] credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Length < 2)
        {
            throw new ArgumentException("Composite credentials need at least two credentials.", nameof(credentials));
        }

        _credentials = [.. credentials];
    }

    public override void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state) =>
        configurator.SetCompositeCredentials(state, _credentials);
}
