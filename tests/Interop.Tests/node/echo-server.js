// A grpc-js server for test.echo.v1.Echo: the peer our C# client is tested against, and the
// reference server of the gRPC benchmark. Prints {"event":"listening","port":N} once bound.
// Usage: node echo-server.js <echo.proto> [port]   (port 0 or absent: any free port)
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoPath, requestedPort = '0'] = process.argv.slice(2);
const loadOptions = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };
const echo = grpc.loadPackageDefinition(protoLoader.loadSync(protoPath, loadOptions)).test.echo.v1;

// Request metadata comes back three ways, so a client can check each direction of the round trip:
// in the reply body, as response headers "echo-<key>", and as trailers "trailer-<key>".
function requestHeaders(call) {
  const headers = {};
  for (const [key, values] of Object.entries(call.metadata.getMap())) {
    headers[key] = Buffer.isBuffer(values) ? values.toString('base64') : String(values);
  }
  return headers;
}

function echoMetadata(call, prefix) {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(call.metadata.getMap())) {
    if (key.startsWith('x-')) {
      metadata.set(prefix + key, value);
    }
  }
  return metadata;
}

function reply(call, request, index) {
  return {
    message: request.message,
    index,
    payload: Buffer.alloc(request.payload_size > 0 ? request.payload_size : 0),
    payload_size_received: request.payload.length,
    request_headers: requestHeaders(call),
    deadline_unix_ms: String(call.getDeadline() === Infinity ? 0 : new Date(call.getDeadline()).getTime()),
    peer: call.getPeer(),
  };
}

function failure(request) {
  return request.fail_with_status
    ? { code: request.fail_with_status, details: request.fail_detail }
    : null;
}

// Runs next after delay_ms unless the call is cancelled first (deadline or client cancel).
function afterDelay(call, delayMs, next) {
  if (!delayMs) {
    next();
    return;
  }
  const timer = setTimeout(next, delayMs);
  call.on('cancelled', () => clearTimeout(timer));
}

const handlers = {
  Unary(call, callback) {
    const request = call.request;
    call.sendMetadata(echoMetadata(call, 'echo-'));
    afterDelay(call, request.delay_ms, () => {
      const error = failure(request);
      if (error) {
        callback({ ...error, metadata: echoMetadata(call, 'trailer-') });
      } else {
        callback(null, reply(call, request, 0), echoMetadata(call, 'trailer-'));
      }
    });
  },
  ServerStream(call) {
    const request = call.request;
    call.sendMetadata(echoMetadata(call, 'echo-'));
    afterDelay(call, request.delay_ms, () => {
      const error = failure(request);
      if (error) {
        call.emit('error', { ...error, metadata: echoMetadata(call, 'trailer-') });
        return;
      }
      for (let i = 0; i < Math.max(request.reply_count, 1); i++) {
        call.write(reply(call, request, i));
      }
      call.end(echoMetadata(call, 'trailer-'));
    });
  },
  ClientStream(call, callback) {
    const messages = [];
    call.on('data', (request) => messages.push(request.message));
    call.on('end', () => callback(null, { message: messages.join(','), received_count: messages.length }));
  },
  Bidi(call) {
    let received = 0;
    call.on('data', (request) => {
      received++;
      call.write({ ...reply(call, request, 0), received_count: received });
    });
    call.on('end', () => call.end());
  },
};

const server = new grpc.Server();
server.addService(echo.Echo.service, handlers);
server.bindAsync(`127.0.0.1:${requestedPort}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(JSON.stringify({ event: 'error', message: error.message }));
    process.exit(1);
  }
  console.log(JSON.stringify({ event: 'listening', port }));
});

// The parent holds our stdin open; when it goes away, so do we.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
