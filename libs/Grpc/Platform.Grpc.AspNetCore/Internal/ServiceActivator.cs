using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Creates the service instance for one call: from DI when registered there (DI owns its lifetime), otherwise
/// through a factory compiled at start-up, in which case the call disposes it.
/// </summary>
internal sealed class ServiceActivator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>
    where TService : class
{
    private readonly ObjectFactory _factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
    private readonly bool _registeredInContainer;

    public ServiceActivator(IServiceProvider applicationServices)
    {
        _registeredInContainer = applicationServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? true;
    }

    public ActivatedInstance<TService> Create(IServiceProvider requestServices)
    {
        if (_registeredInContainer && requestServices.GetService(typeof(TService)) is TService registered)
        {
            return new ActivatedInstance<TService>(registered, created: false);
        }

        return new ActivatedInstance<TService>((TService)_factory(requestServices, null), created: true);
    }
}
