package dev.agentos.traces.cli;

import dev.agentos.traces.answer.Answer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command that answers like an MCP tool shares: the connection flags and {@code --json}, which prints
 * that tool's structuredContent (JsonParityTest holds each command to it).
 */
abstract class AnswerCommand implements Callable<Integer> {

    final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Option(names = "--json", description = "Print JSON: the matching MCP tool's structured output.")
    boolean json;

    AnswerCommand(Context ctx) {
        this.ctx = ctx;
    }

    int print(Answer answer) {
        Output.print(spec.commandLine().getOut(), json, answer);
        return ExitCodes.OK;
    }

    int print(String text, Map<String, Object> structured) {
        Output.print(spec.commandLine().getOut(), json, text, structured);
        return ExitCodes.OK;
    }
}
