package dev.agentos.traces.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a file under src/test/resources; {@code UPDATE_SNAPSHOTS=1} rewrites the file
 * instead (then review the diff like code: it is what users and models see).
 */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(String resourcePath, String actual) {
        Path file = Path.of("src/test/resources", resourcePath);
        try {
            if ("1".equals(System.getenv("UPDATE_SNAPSHOTS")) || !Files.exists(file) && "1".equals(System.getenv("CREATE_SNAPSHOTS"))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no snapshot " + file + "; run with UPDATE_SNAPSHOTS=1 to create it, then review it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                    "differs from " + file + " (UPDATE_SNAPSHOTS=1 rewrites it if the change is intended)");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
