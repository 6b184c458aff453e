package dev.arbiter.store;

/**
 * The database could not be opened, migrated or used; the message says what was being done and why it failed, in
 * one line fit for an operator (no driver stack trace needed), with any password in the URL masked.
 */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
