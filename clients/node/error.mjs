// An error: an unknown model must surface as the SDK's NotFoundError carrying Arbiter's error type and code.
import OpenAI from 'openai';
import { client, run } from './client.mjs';

await run(async () => {
  try {
    await client.chat.completions.create({
      model: process.env.ARBITER_MODEL ?? 'no-such/model',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    return { thrown: false };
  } catch (err) {
    if (!(err instanceof OpenAI.APIError)) {
      throw err;
    }
    return {
      thrown: true,
      class: err.constructor.name,
      not_found_error: err instanceof OpenAI.NotFoundError,
      status: err.status,
      type: err.type,
      code: err.code,
      param: err.param,
      message: err.message,
    };
  }
});
