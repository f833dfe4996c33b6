using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Creates one registered interceptor for a call; the factory is compiled once at start-up.</summary>
internal sealed class InterceptorActivator
{
    private readonly InterceptorRegistration _registration;
    private readonly ObjectFactory? _factory;
    private readonly object[] _arguments;

    public InterceptorActivator(InterceptorRegistration registration, IServiceProvider applicationServices)
    {
        _registration = registration;
        _arguments = [.. registration.Arguments];
        var isService = applicationServices.GetService<IServiceProviderIsService>()?.IsService(registration.Type) ?? false;
        if (!isService || _arguments.Length > 0)
        {
            var argumentTypes = new Type[_arguments.Length];
            for (var i = 0; i < argumentTypes.Length; i++)
            {
                argumentTypes[i] = _arguments[i].GetType();
            }

            _factory = ActivatorUtilities.CreateFactory(registration.Type, argumentTypes);
        }
    }

    public ActivatedInstance<Interceptor> Create(IServiceProvider requestServices)
    {
        if (_factory is null)
        {
            return new ActivatedInstance<Interceptor>((Interceptor)requestServices.GetRequiredService(_registration.Type), created: false);
        }

        return new ActivatedInstance<Interceptor>((Interceptor)_factory(requestServices, _arguments), created: true);
    }
}
