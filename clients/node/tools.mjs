// A tool call round trip: the model calls get_weather, the script answers, the model replies in text.
import { client, model, run } from './client.mjs';

const tools = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather in a city',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
        required: ['city', 'unit'],
        additionalProperties: false,
      },
    },
  },
];

await run(async () => {
  const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
  const first = await client.chat.completions.create({ model, messages, tools, tool_choice: 'required' });
  const call = first.choices[0].message.tool_calls[0];
  messages.push(first.choices[0].message);
  messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify({ temperature: 18, unit: 'c' }) });
  const second = await client.chat.completions.create({ model, messages, tools });
  return {
    finish_reason: first.choices[0].finish_reason,
    tool_call: { id: call.id, type: call.type, name: call.function.name, arguments: JSON.parse(call.function.arguments) },
    answer: second.choices[0].message.content,
    answer_finish_reason: second.choices[0].finish_reason,
  };
});
