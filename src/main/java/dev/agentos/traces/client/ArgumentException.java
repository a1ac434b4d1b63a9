package dev.agentos.traces.client;

/** A bad argument from the user or the model, caught before any request is sent. */
public final class ArgumentException extends RuntimeException {
    public ArgumentException(String message) {
        super(message, null, false, false);
    }
}
