package dev.agentos.traces.analysis;

import java.util.Arrays;

/** A growable list of longs: the values of one metric over many runs, 8 bytes each. */
final class Longs {

    private long[] v = new long[8];
    private int n;

    void add(long x) {
        if (n == v.length) {
            v = Arrays.copyOf(v, n * 2);
        }
        v[n++] = x;
    }

    int size() {
        return n;
    }

    long sum() {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s;
    }

    long[] sorted() {
        long[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s;
    }
}
