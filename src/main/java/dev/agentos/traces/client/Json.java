package dev.agentos.traces.client;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the process (also handed to the MCP SDK, so it is built once). */
public final class Json {

    /** Deepest JSON nesting read (a span tree nests about three levels per span). */
    public static final int MAX_NESTING = 500;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        // span inputs hold whole prompts; allow long strings but keep nesting bounded
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(256 * 1024 * 1024).maxNestingDepth(MAX_NESTING).build());
    }

    private Json() {
    }
}
