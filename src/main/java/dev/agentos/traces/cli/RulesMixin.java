package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.analysis.TraceRules.Type;
import dev.agentos.traces.client.ArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Trace rules as flags, or from a YAML or JSON file ({@code --rules}): the same rules as check_traces takes. */
final class RulesMixin {

    @Option(names = "--no-failed-spans", description = "Rule: no span failed (a trace that says OK may still hold one).")
    boolean noFailedSpans;

    @Option(names = "--expect-status", paramLabel = "OK|ERROR", description = "Rule: the trace has this status.")
    String status;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Rule: at most N tokens (input + output) per trace.")
    Long maxTokens;

    @Option(names = "--max-input-tokens", paramLabel = "N", description = "Rule: at most N input tokens per trace.")
    Long maxInputTokens;

    @Option(names = "--max-output-tokens", paramLabel = "N", description = "Rule: at most N output tokens per trace.")
    Long maxOutputTokens;

    @Option(names = "--max-tokens-sum", paramLabel = "N", description = "Rule: at most N tokens over all traces checked.")
    Long maxTokensSum;

    @Option(names = "--max-input-tokens-sum", paramLabel = "N", description = "Rule: at most N input tokens over all traces.")
    Long maxInputTokensSum;

    @Option(names = "--max-output-tokens-sum", paramLabel = "N", description = "Rule: at most N output tokens over all traces.")
    Long maxOutputTokensSum;

    @Option(names = "--max-duration", paramLabel = "TIME", description = "Rule: each trace took at most TIME (30s, 500ms, 2m).")
    String maxDuration;

    @Option(names = "--max-llm-calls", paramLabel = "N", description = "Rule: at most N LLM calls per trace.")
    Long maxLlmCalls;

    @Option(names = "--tool-called", paramLabel = "NAME", description = "Rule: this tool was called; NAME(ARG=VALUE,...) "
            + "also checks arguments (repeatable).")
    List<String> toolCalled = new ArrayList<>();

    @Option(names = "--tool-not-called", paramLabel = "NAME", description = "Rule: this tool was not called (repeatable).")
    List<String> toolNotCalled = new ArrayList<>();

    @Option(names = "--model-used", paramLabel = "MODEL", description = "Rule: an LLM call used this model (repeatable).")
    List<String> modelUsed = new ArrayList<>();

    @Option(names = "--model-not-used", paramLabel = "MODEL", description = "Rule: no LLM call used this model (repeatable).")
    List<String> modelNotUsed = new ArrayList<>();

    @Option(names = "--output-contains", paramLabel = "TEXT", description = "Rule: the trace's output contains TEXT (repeatable).")
    List<String> outputContains = new ArrayList<>();

    @Option(names = "--output-matches", paramLabel = "REGEX", description = "Rule: the output matches REGEX (repeatable).")
    List<String> outputMatches = new ArrayList<>();

    @Option(names = "--max-cost", paramLabel = "USD", description = "Rule: estimated cost per trace at most USD (priced "
            + "models only; an unpriced model fails it).")
    String maxCost;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules from a YAML or JSON file, e.g. "
            + "{no_failed_spans: true, max_tokens: 5000, tool_called: [add_numbers]}; flags add to them.")
    Path rulesFile;

    /** Every rule given, the file's first; empty when none. */
    List<TraceRules.Rule> rules() {
        List<TraceRules.Rule> out = new ArrayList<>();
        if (rulesFile != null) {
            out.addAll(TraceRules.fromMap(read(rulesFile)));
        }
        if (noFailedSpans) {
            out.add(TraceRules.rule(Type.NO_FAILED_SPANS, null));
        }
        add(out, Type.STATUS, status);
        add(out, Type.MAX_TOKENS, maxTokens);
        add(out, Type.MAX_INPUT_TOKENS, maxInputTokens);
        add(out, Type.MAX_OUTPUT_TOKENS, maxOutputTokens);
        add(out, Type.MAX_TOKENS_SUM, maxTokensSum);
        add(out, Type.MAX_INPUT_TOKENS_SUM, maxInputTokensSum);
        add(out, Type.MAX_OUTPUT_TOKENS_SUM, maxOutputTokensSum);
        add(out, Type.MAX_DURATION, maxDuration);
        add(out, Type.MAX_LLM_CALLS, maxLlmCalls);
        toolCalled.forEach(v -> add(out, Type.TOOL_CALLED, v));
        toolNotCalled.forEach(v -> add(out, Type.TOOL_NOT_CALLED, v));
        modelUsed.forEach(v -> add(out, Type.MODEL_USED, v));
        modelNotUsed.forEach(v -> add(out, Type.MODEL_NOT_USED, v));
        outputContains.forEach(v -> add(out, Type.OUTPUT_CONTAINS, v));
        outputMatches.forEach(v -> add(out, Type.OUTPUT_MATCHES, v));
        add(out, Type.MAX_COST, maxCost);
        return out;
    }

    private static void add(List<TraceRules.Rule> out, Type t, Object value) {
        if (value != null) {
            out.add(TraceRules.rule(t, value.toString()));
        }
    }

    /** A rules file: JSON when it ends in .json, else YAML (which reads JSON too). */
    static Map<?, ?> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ArgumentException("No rules file " + file + "; check --rules.");
        } catch (IOException e) {
            throw new ArgumentException("Cannot read the rules file " + file + " (" + e.getMessage() + ").");
        }
        Object parsed;
        try {
            parsed = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    ? dev.agentos.traces.client.Json.MAPPER.readValue(text, Object.class)
                    : new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(text, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ArgumentException("The rules file " + file + " is not valid " + (file.toString().endsWith(".json")
                    ? "JSON" : "YAML") + ": " + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw new ArgumentException("Cannot read the rules file " + file + " (" + e.getMessage() + ").");
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new ArgumentException("The rules file " + file + " must hold a map of rules (rule: value).");
        }
        return m;
    }
}
