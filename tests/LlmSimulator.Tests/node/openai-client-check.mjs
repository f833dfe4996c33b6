// Drives the simulator with the official openai npm client: one plain and one streaming completion,
// plus the model list. Prints one JSON line with what the client saw; exits non-zero on any error.
// Usage: node openai-client-check.mjs <baseURL ending in /v1> <model>
import OpenAI from 'openai';

const [baseURL, model] = process.argv.slice(2);
if (!baseURL || !model) {
  console.error('usage: node openai-client-check.mjs <baseURL> <model>');
  process.exit(2);
}

// maxRetries 0: a fault must surface here, not be hidden by the client's own retries.
const client = new OpenAI({ baseURL, apiKey: 'sk-any-string', maxRetries: 0, timeout: 60_000 });
const messages = [
  { role: 'system', content: 'You are a test agent.' },
  { role: 'user', content: 'Hello from the openai npm client.' },
];

const completion = await client.chat.completions.create({ model, messages, seed: 7, max_tokens: 60 });

const stream = await client.chat.completions.create({
  model, messages, seed: 7, max_tokens: 60, stream: true, stream_options: { include_usage: true },
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
  models,
}));
