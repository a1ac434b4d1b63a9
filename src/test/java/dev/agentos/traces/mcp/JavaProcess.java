package dev.agentos.traces.mcp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the JVM running the tests and the shaded jar under test are. */
final class JavaProcess {

    private JavaProcess() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String jar() {
        String jar = System.getProperty("app.jar", "target/agentos-traces-mcp.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("run ./mvnw verify: the shaded jar " + jar + " is built in the package phase");
        }
        return jar;
    }
}
