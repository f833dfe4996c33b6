// A grpc-js client that calls the routing service: Complete, StreamComplete and a malformed Complete.
// Prints one JSON line with what it saw; the C# test decides what is correct.
// Usage: node grpc-check.js <host:port> <protos dir> <agent id> <model>
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, protos, agentId, model] = process.argv.slice(2);
const definition = protoLoader.loadSync(['platform/routing/v1/routing_service.proto'], {
  includeDirs: [path.resolve(protos)], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true,
});
const routing = grpc.loadPackageDefinition(definition).platform.routing.v1;
const client = new routing.RoutingService(address, grpc.credentials.createInsecure());
const deadline = () => new Date(Date.now() + 30_000);
const messages = [{ role: 'CHAT_ROLE_USER', content: 'Hello from grpc-js.' }];

function complete(request) {
  return new Promise((resolve) => {
    client.Complete(request, new grpc.Metadata(), { deadline: deadline() }, (error, response) => {
      if (error) {
        resolve({ code: error.code, details: error.details, reason: error.metadata.get('platform-error-reason')[0] ?? null });
      } else {
        resolve({ code: 0, model: response.model, content: response.content, total_tokens: response.usage.total_tokens, cost_micros: response.cost_micros });
      }
    });
  });
}

function stream(request) {
  return new Promise((resolve) => {
    const events = [];
    const call = client.StreamComplete(request, new grpc.Metadata(), { deadline: deadline() });
    call.on('data', (message) => events.push(message.event));
    call.on('error', (error) => resolve({ code: error.code, details: error.details, events }));
    call.on('end', () => resolve({ code: 0, events }));
  });
}

(async () => {
  const unary = await complete({ agent_id: agentId, model, messages, max_tokens: { value: 40 } });
  const streamed = await stream({ agent_id: agentId, model, messages, max_tokens: { value: 40 } });
  const invalid = await complete({ agent_id: agentId, model, messages: [] });
  console.log(JSON.stringify({ unary, streamed, invalid }));
  client.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
