using System.Net;
using GrpcEcho.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: GrpcEcho.Server <port>. Listens on 127.0.0.1 only, HTTP/2 cleartext (prior knowledge), no logging.
var port = args.Length > 0 ? int.Parse(args[0]) : 5000;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc();

var app = builder.Build();
app.MapGrpcService<BenchmarkEchoService>();
app.Run();
