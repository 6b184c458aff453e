// A streamed chat completion: every chunk read with for await, the text joined, usage from include_usage.
import { client, model, run } from './client.mjs';

await run(async () => {
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Tell me a short story.' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let chunks = 0;
  let finishReason = null;
  let usage = null;
  for await (const chunk of stream) {
    chunks += 1;
    for (const choice of chunk.choices) {
      text += choice.delta?.content ?? '';
      finishReason = choice.finish_reason ?? finishReason;
    }
    if (chunk.usage) {
      usage = chunk.usage;
    }
  }
  return { text, chunks, finish_reason: finishReason, usage };
});
