package dev.arbiter.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A chat request in Arbiter's canonical form, independent of the wire format it arrived in.
 * Optional settings are null when the caller did not give them. {@code extra} holds top-level fields
 * Arbiter does not model (e.g. OpenAI's {@code logprobs}, {@code n}); OpenAI-compatible upstreams receive
 * them unchanged, codecs that cannot express them reject the request naming the field.
 *
 * <p>{@code topK} samples from the k likeliest tokens (Anthropic, Gemini). {@code reasoning} asks for extended
 * thinking (see {@link Reasoning}). {@code serviceTier} is Anthropic's capacity choice ({@code auto} or
 * {@code standard_only}). {@code cache} is a request-wide caching breakpoint (Anthropic's top-level
 * {@code cache_control}, see {@link CacheBreakpoint}). All four are null when the caller did not give them.
 *
 * <p>{@code vendorHeaders} are request headers the caller meant for one vendor's upstreams (lower-case names, e.g.
 * {@code anthropic-beta} from a Claude client): that vendor's codec sends them, every other codec ignores them. Never
 * null.
 */
public record ChatRequest(
        String model,
        List<Message> messages,
        List<ToolDefinition> tools,
        ToolChoice toolChoice,
        Boolean parallelToolCalls,
        ResponseFormat responseFormat,
        Integer maxTokens,
        Double temperature,
        Double topP,
        List<String> stop,
        Long seed,
        String user,
        Map<String, String> metadata,
        boolean stream,
        boolean includeUsage,
        ObjectNode extra,
        Integer topK,
        Reasoning reasoning,
        String serviceTier,
        CacheBreakpoint cache,
        Map<String, String> vendorHeaders) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        stop = stop == null ? List.of() : List.copyOf(stop);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        vendorHeaders = vendorHeaders == null ? Map.of() : Map.copyOf(vendorHeaders);
    }

    public static Builder builder(String model) {
        return new Builder().model(model);
    }

    public Builder toBuilder() {
        return new Builder().model(model).messages(messages).tools(tools).toolChoice(toolChoice)
                .parallelToolCalls(parallelToolCalls).responseFormat(responseFormat).maxTokens(maxTokens)
                .temperature(temperature).topP(topP).stop(stop).seed(seed).user(user).metadata(metadata)
                .stream(stream).includeUsage(includeUsage).extra(extra).topK(topK).reasoning(reasoning)
                .serviceTier(serviceTier).cache(cache).vendorHeaders(vendorHeaders);
    }

    /** The same request addressed to another model name (e.g. the upstream's own name for it). */
    public ChatRequest withModel(String newModel) {
        return toBuilder().model(newModel).build();
    }

    public boolean hasImages() {
        return messages.stream().anyMatch(Message::hasImages);
    }

    public boolean hasExtra() {
        return extra != null && !extra.isEmpty();
    }

    /** Fluent construction for the many optional fields. */
    public static final class Builder {
        private String model;
        private List<Message> messages = List.of();
        private List<ToolDefinition> tools = List.of();
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private ResponseFormat responseFormat;
        private Integer maxTokens;
        private Double temperature;
        private Double topP;
        private List<String> stop = List.of();
        private Long seed;
        private String user;
        private Map<String, String> metadata = Map.of();
        private boolean stream;
        private boolean includeUsage;
        private ObjectNode extra;
        private Integer topK;
        private Reasoning reasoning;
        private String serviceTier;
        private CacheBreakpoint cache;
        private Map<String, String> vendorHeaders = Map.of();

        public Builder model(String v) { model = v; return this; }
        public Builder messages(List<Message> v) { messages = v; return this; }
        public Builder messages(Message... v) { messages = List.of(v); return this; }
        public Builder tools(List<ToolDefinition> v) { tools = v; return this; }
        public Builder toolChoice(ToolChoice v) { toolChoice = v; return this; }
        public Builder parallelToolCalls(Boolean v) { parallelToolCalls = v; return this; }
        public Builder responseFormat(ResponseFormat v) { responseFormat = v; return this; }
        public Builder maxTokens(Integer v) { maxTokens = v; return this; }
        public Builder temperature(Double v) { temperature = v; return this; }
        public Builder topP(Double v) { topP = v; return this; }
        public Builder stop(List<String> v) { stop = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder metadata(Map<String, String> v) { metadata = v; return this; }
        public Builder stream(boolean v) { stream = v; return this; }
        public Builder includeUsage(boolean v) { includeUsage = v; return this; }
        public Builder extra(ObjectNode v) { extra = v; return this; }
        public Builder topK(Integer v) { topK = v; return this; }
        public Builder reasoning(Reasoning v) { reasoning = v; return this; }
        public Builder serviceTier(String v) { serviceTier = v; return this; }
        public Builder cache(CacheBreakpoint v) { cache = v; return this; }
        public Builder vendorHeaders(Map<String, String> v) { vendorHeaders = v; return this; }

        public ChatRequest build() {
            return new ChatRequest(model, messages, tools, toolChoice, parallelToolCalls, responseFormat, maxTokens,
                    temperature, topP, stop, seed, user, metadata, stream, includeUsage, extra, topK, reasoning,
                    serviceTier, cache, vendorHeaders);
        }
    }
}
