package dev.arbiter.bench;

import java.io.IOException;

/** Routes a request to the chat completion endpoint, the model list or the health check. */
final class MockRoutes {
    private static final String CHAT = "/v1/chat/completions";
    private static final String MODELS = "/v1/models";
    private static final String HEALTH = "/health";

    private final ChatCompletions chat = new ChatCompletions();

    void handle(RequestHead head, byte[] body, ResponseWriter out) throws IOException {
        String path = head.path();
        String method = head.method();
        switch (path) {
            case CHAT -> {
                if (method.equals("POST")) {
                    chat.handle(body, out);
                } else {
                    methodNotAllowed(out, path, "POST");
                }
            }
            case MODELS, HEALTH -> {
                if (method.equals("GET")) {
                    out.json(200, path.equals(MODELS) ? OpenAiBodies.modelList() : "{\"status\":\"ok\"}");
                } else {
                    methodNotAllowed(out, path, "GET");
                }
            }
            default -> out.json(404, OpenAiBodies.error("Unknown path " + path + " (the mock serves POST " + CHAT
                    + ", GET " + MODELS + " and GET " + HEALTH + ")", "invalid_request_error", "unknown_url"));
        }
    }

    private static void methodNotAllowed(ResponseWriter out, String path, String allowed) throws IOException {
        out.json(405, OpenAiBodies.error(path + " only accepts " + allowed, "invalid_request_error", "method_not_allowed"));
    }
}
