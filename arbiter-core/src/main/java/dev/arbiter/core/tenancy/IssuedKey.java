package dev.arbiter.core.tenancy;

/** A key just issued: its stored record and the secret, which is shown to the caller this once and never again. */
public record IssuedKey(VirtualKey key, String secret) {
}
