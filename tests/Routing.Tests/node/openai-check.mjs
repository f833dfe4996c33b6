// Drives the routing service's OpenAI-compatible front door with the official openai npm client: one
// plain and one streaming completion, plus the model list. Prints one JSON line with what the client
// saw; exits non-zero on any error.
// Usage: node openai-check.mjs <baseURL ending in /v1> <apiKey> <model>
import OpenAI from 'openai';

const [baseURL, apiKey, model] = process.argv.slice(2);
if (!baseURL || !apiKey || !model) {
  console.error('usage: node openai-check.mjs <baseURL> <apiKey> <model>');
  process.exit(2);
}

// maxRetries 0: the gateway does the retrying; a failure must surface here.
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 60_000 });
const messages = [
  { role: 'system', content: 'You are a test agent.' },
  { role: 'user', content: 'Hello from the openai npm client, through the gateway.' },
];

const completion = await client.chat.completions.create({ model, messages, max_tokens: 60 });

const stream = await client.chat.completions.create({
  model, messages, max_tokens: 60, stream: true, stream_options: { include_usage: true },
});
let content = '';
let finishReason = null;
let usage = null;
let chunks = 0;
for await (const chunk of stream) {
  chunks++;
  if (chunk.usage) usage = chunk.usage;
  for (const choice of chunk.choices) {
    content += choice.delta?.content ?? '';
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
}

let errorStatus = null;
let errorCode = null;
try {
  await client.chat.completions.create({ model: 'no-such-model', messages });
} catch (error) {
  errorStatus = error.status;
  errorCode = error.code;
}

const models = [];
for await (const entry of client.models.list()) models.push(entry.id);

console.log(JSON.stringify({
  non_streaming: {
    id: completion.id,
    model: completion.model,
    content: completion.choices[0].message.content,
    finish_reason: completion.choices[0].finish_reason,
    usage: completion.usage,
  },
  streaming: { content, finish_reason: finishReason, usage, chunks },
  error: { status: errorStatus, code: errorCode },
  models,
}));
