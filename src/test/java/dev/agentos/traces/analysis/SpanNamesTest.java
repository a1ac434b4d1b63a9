package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Span names without the way the run was made. */
class SpanNamesTest {

    @Test
    void namesWithoutTheirStreamOrAsyncVariant() {
        assertEquals("compute.execute", SpanNames.base("compute.aexecute_stream"));
        assertEquals("compute.execute", SpanNames.base("compute.execute"));
        assertEquals("OfflineSim.invoke", SpanNames.base("OfflineSim.ainvoke_stream"));
        assertEquals("Math_Agent.run", SpanNames.base("Math_Agent.arun"));
        assertEquals("add_numbers", SpanNames.base("add_numbers"));
        assertEquals("x.apply", SpanNames.base("x.apply"), "an unknown method is not stripped");
        assertEquals("check_stock", SpanNames.label("check_stock.aexecute_stream"));
        assertEquals("Writer_Agent_✍️", SpanNames.label("Writer_Agent_✍️.arun"));
        assertEquals("v1.2", SpanNames.label("v1.2"));
        assertEquals(null, SpanNames.base(null));
    }
}
