/**
 * The sandbox: simulated upstream models so the gateway answers without any provider key.
 *
 * <p>{@link dev.arbiter.core.provider.sandbox.SandboxProvider#fromCatalog} turns a catalog into one simulated
 * model per real one ({@code openai/gpt-5.4} → {@code sandbox/gpt-5.4}). What a simulated model answers:
 * <ul>
 *   <li><b>Tool call</b> (one, with a fresh {@code call_...} id and arguments generated to be valid against the
 *       tool's JSON Schema) when the request has tools, tool_choice is not {@code none} and the last message is
 *       not a tool result, and either tool_choice forces a call (required: the tool the last user message names,
 *       else the first; a named function: that one) or tool_choice is auto (the default) and the last message is
 *       a user message. After a tool result it always answers in text, so agent loops end.</li>
 *   <li><b>JSON</b>: json_schema gives an instance of the schema, json_object a small object.</li>
 *   <li><b>Text</b> otherwise: {@code [sandbox/<name>] You asked: "..."}, a note that the answer is simulated and
 *       two sentences picked by a hash of the request; after a tool result, a summary of that result.</li>
 * </ul>
 * Stop sequences cut the text before the earliest match (finish {@code stop}); max_tokens truncates text or
 * arguments to that many tokens (finish {@code length}). Usage counts o200k_base tokens of every message, tool
 * schema and 85 per image; reasoning models add hidden reasoning tokens (at most half of max_tokens). Timing:
 * time to first token then a per-token rate derived from the model's price, the whole answer capped at 2 s, all
 * through a {@link dev.arbiter.core.provider.sandbox.Pacer}. Closing a stream stops its pacing; a later
 * {@code next()} on an unfinished stream throws {@code provider_error}. A stream always ends with its usage
 * report, whatever include_usage says, since the gateway meters every call. temperature, top_p, seed and fields
 * in {@code extra} (such as {@code n}) are accepted and ignored: answers are deterministic and single-choice.
 */
package dev.arbiter.core.provider.sandbox;
