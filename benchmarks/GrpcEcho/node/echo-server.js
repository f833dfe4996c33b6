// The grpc-js side of the benchmark: test.echo.v1.Echo/Unary echoing the message, nothing else.
// Usage: node echo-server.js <echo.proto> <port>
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoPath, port] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoPath, { keepCase: true, defaults: true });
const echo = grpc.loadPackageDefinition(definition).test.echo.v1;

const server = new grpc.Server();
server.addService(echo.Echo.service, {
  Unary(call, callback) {
    callback(null, { message: call.request.message });
  },
});
server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
});
