// A chat completion, with the gateway's routing headers read from the raw response.
import { client, model, run } from './client.mjs';

await run(async () => {
  const { data, response } = await client.chat.completions
    .create({
      model,
      messages: [
        { role: 'system', content: 'Answer in one short sentence.' },
        { role: 'user', content: 'What is the capital of France?' },
      ],
      max_tokens: 50,
    })
    .withResponse();
  return {
    object: data.object,
    model: data.model,
    content: data.choices[0].message.content,
    finish_reason: data.choices[0].finish_reason,
    usage: data.usage,
    arbiter_model: response.headers.get('x-arbiter-model'),
    arbiter_provider: response.headers.get('x-arbiter-provider'),
  };
});
