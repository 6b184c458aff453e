// Structured output: response_format json_schema, the answer parsed as JSON.
import { client, model, run } from './client.mjs';

await run(async () => {
  const completion = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Give me facts about Paris.' }],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'city_facts',
        strict: true,
        schema: {
          type: 'object',
          properties: { city: { type: 'string' }, population: { type: 'integer' } },
          required: ['city', 'population'],
          additionalProperties: false,
        },
      },
    },
  });
  const content = completion.choices[0].message.content;
  return { content, parsed: JSON.parse(content), finish_reason: completion.choices[0].finish_reason };
});
