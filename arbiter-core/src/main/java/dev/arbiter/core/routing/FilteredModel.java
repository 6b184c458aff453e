package dev.arbiter.core.routing;

/**
 * A model a hard filter removed before the policy ran: which filter ({@code provider}, {@code lifecycle},
 * {@code capability}, {@code context}, {@code health}, {@code governance}, {@code budget}) and why, in words.
 */
public record FilteredModel(String model, String filter, String reason) {
    @Override
    public String toString() {
        return model + ": " + reason;
    }
}
