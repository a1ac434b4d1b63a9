package dev.agentos.traces.cli;

import dev.agentos.traces.client.ArgumentException;

final class Bounds {

    private Bounds() {
    }

    static void check(String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ArgumentException(flag + " must be from " + min + " to " + max + ", not " + value + ".");
        }
    }
}
