// A grpc-js client that exercises a server under test and prints one JSON line per check.
// It only observes; the C# test decides what is correct.
// Usage: node interop-client.js <host:port> <echo.proto> <health.proto>
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, echoProto, healthProto] = process.argv.slice(2);
const loadOptions = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };
const echo = grpc.loadPackageDefinition(protoLoader.loadSync(echoProto, loadOptions)).test.echo.v1;
const health = grpc.loadPackageDefinition(protoLoader.loadSync(healthProto, loadOptions)).grpc.health.v1;

const credentials = grpc.credentials.createInsecure();
const echoClient = new echo.Echo(address, credentials);
const healthClient = new health.Health(address, credentials);
const NON_ASCII_DETAIL = 'ngân sách đã hết — budget exhausted';

function report(check, fields) {
  console.log(JSON.stringify({ check, ...fields }));
}

function deadlineIn(ms) {
  return new Date(Date.now() + ms);
}

function unary(client, method, request, options = {}, metadata = new grpc.Metadata()) {
  return new Promise((resolve) => {
    client[method](request, metadata, { deadline: deadlineIn(30000), ...options }, (error, response) =>
      resolve(error ? { code: error.code, details: error.details } : { code: 0, response }));
  });
}

function collect(call) {
  return new Promise((resolve) => {
    const messages = [];
    call.on('data', (message) => messages.push(message));
    call.on('error', (error) => resolve({ code: error.code, details: error.details, messages }));
    call.on('end', () => resolve({ code: 0, messages }));
  });
}

function firstMessage(call) {
  return new Promise((resolve) => {
    call.on('data', (message) => {
      resolve({ code: 0, status: message.status });
      call.cancel();
    });
    call.on('error', (error) => resolve({ code: error.code, details: error.details }));
  });
}

function callUnknownMethod() {
  return new Promise((resolve) => {
    echoClient.makeUnaryRequest(
      '/test.echo.v1.Echo/DoesNotExist',
      (value) => value,
      (bytes) => bytes,
      Buffer.alloc(0),
      new grpc.Metadata(),
      { deadline: deadlineIn(30000) },
      (error) => resolve(error ? { code: error.code, details: error.details } : { code: 0 }));
  });
}

async function main() {
  const overall = await unary(healthClient, 'Check', { service: '' });
  report('health_check', { code: overall.code, status: overall.response?.status });

  const echoHealth = await unary(healthClient, 'Check', { service: 'test.echo.v1.Echo' });
  report('health_check_echo', { code: echoHealth.code, status: echoHealth.response?.status });

  const watch = await firstMessage(healthClient.Watch({ service: '' }, { deadline: deadlineIn(30000) }));
  report('health_watch', watch);

  report('unimplemented', await callUnknownMethod());

  const metadata = new grpc.Metadata();
  metadata.set('x-interop-client', 'grpc-js');
  const echoed = await unary(echoClient, 'Unary', { message: 'hello from grpc-js' }, {}, metadata);
  report('unary', {
    code: echoed.code,
    message: echoed.response?.message,
    header: echoed.response?.request_headers?.['x-interop-client'],
  });

  const stream = await collect(echoClient.ServerStream({ message: 'stream', reply_count: 3 }, { deadline: deadlineIn(30000) }));
  report('server_stream', {
    code: stream.code,
    indexes: stream.messages.map((m) => m.index),
    messages: stream.messages.map((m) => m.message),
  });

  const late = await unary(echoClient, 'Unary', { message: 'too slow', delay_ms: 10000 }, { deadline: deadlineIn(300) });
  report('deadline', { code: late.code, details: late.details });

  const failed = await unary(echoClient, 'Unary', { message: 'fail', fail_with_status: 8, fail_detail: NON_ASCII_DETAIL });
  report('error_non_ascii', { code: failed.code, details: failed.details });
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    report('crash', { message: String(error && error.stack) });
    process.exit(1);
  });
