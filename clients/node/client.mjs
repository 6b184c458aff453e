// The openai client as an application would configure it, pointed at the gateway under test.
// ARBITER_BASE_URL is the gateway's root (e.g. http://127.0.0.1:8080); ARBITER_MODEL the model to ask.
import OpenAI from 'openai';

export const model = process.env.ARBITER_MODEL ?? 'sandbox/gpt-5.4-mini';

export const client = new OpenAI({
  baseURL: `${process.env.ARBITER_BASE_URL ?? 'http://127.0.0.1:8080'}/v1`,
  apiKey: process.env.ARBITER_API_KEY ?? 'any-key-works',
  maxRetries: 0,
  timeout: 30_000,
});

/** Prints the script's result as one JSON line, the only thing a script writes to stdout. */
export function report(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

/** Runs a script body; an unexpected failure is reported on stderr with a non-zero exit. */
export async function run(body) {
  try {
    report(await body());
  } catch (err) {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  }
}
