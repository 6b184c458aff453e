package dev.arbiter.core.routing;

import dev.arbiter.core.chat.ChatRequest;

/** Turns a request (or a bare prompt, as in outcome data) into routing features, cheaply and without I/O. */
public interface FeatureExtractor {
    RequestFeatures extract(ChatRequest request);

    /** Features of a single user prompt with no tools, images or output limit (how outcome files look). */
    RequestFeatures extract(String prompt);
}
